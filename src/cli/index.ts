// Entry of the built CLI (out/node/cli.mjs). Finds its sibling build outputs and runs the command.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './main';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[]): Promise<number> {
  const worker = path.join(here, 'job-worker.mjs');
  return runCli(argv, {
    version: readVersion(),
    staticDir: path.join(projectRoot, 'out', 'web'),
    ...(fs.existsSync(worker) ? { workerScript: worker } : {}),
  });
}
