import type { Command } from '../command';
import { importPromptsCommand } from './import-prompts';
import { serveCommand } from './serve';
import { statsCommand } from './stats';

/** Every CLI command; a new command registers here. */
export const COMMANDS: Command[] = [importPromptsCommand, statsCommand, serveCommand];
