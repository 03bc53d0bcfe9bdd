import type { Command } from '../command';
import { importPromptsCommand } from './import-prompts';
import { importRolloutsCommand } from './import-rollouts';
import { serveCommand } from './serve';
import { statsCommand } from './stats';
import { validateCommand } from './validate';
import { checkAnswerCommand } from './check-answer';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { contaminationCommand } from './contamination';

/** Every CLI command; a new command registers here. */
export const COMMANDS: Command[] = [
  importPromptsCommand,
  importRolloutsCommand,
  validateCommand,
  verifyCommand,
  checkAnswerCommand,
  exportCommand,
  contaminationCommand,
  statsCommand,
  serveCommand,
];
