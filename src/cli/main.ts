// Dispatches argv to a command and turns failures into the documented exit codes.
import type { Command, Runtime } from './command';
import { COMMANDS } from './commands/index';
import { EXIT } from './exit-codes';
import { UsageError } from './usage-error';

export function findCommand(
  argv: string[],
  commands: Command[] = COMMANDS,
): { command: Command; rest: string[] } | undefined {
  const matches = commands.filter((c) => c.path.every((word, i) => argv[i] === word));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best && { command: best, rest: argv.slice(best.path.length) };
}

export function usage(version: string): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return (
    `RL Curator ${version}: curate RL training data for math ` +
    `reasoning.\n\nUsage:\n${lines.join('\n')}\n\nExit codes: 0 ok, 1 failed, 2 bad usage, 3 ` +
    `completed with skipped bad records, 130 interrupted.\n`
  );
}

export async function runCli(argv: string[], runtime: Runtime): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage(runtime.version));
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${runtime.version}\n`);
    return EXIT.OK;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`error: unknown command "${argv.join(' ')}".\n\n${usage(runtime.version)}`);
    return EXIT.USAGE;
  }
  try {
    return await found.command.run(found.rest, runtime);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${e.message}\nusage: ${found.command.usage}\n`);
      return EXIT.USAGE;
    }
    if (e.name === 'CuratorError') {
      process.stderr.write(`error ${(e as { code?: string }).code}: ${e.message}\n`);
      return EXIT.FAILED;
    }
    process.stderr.write(`error INTERNAL: ${e.stack ?? e.message}\n`);
    return EXIT.FAILED;
  }
}
