// rl-curator serve [--db PATH] [--port N] [--host 127.0.0.1]: browser mode and remote review.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import { startServer } from '../../server/http-server';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { resolveDbPath } from '../paths';
import { UsageError } from '../usage-error';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Serve the app and its API over HTTP on loopback, with an access token',
  usage: 'rl-curator serve [--db PATH] [--port N] [--host 127.0.0.1]',
  async run(args, runtime) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        port: { type: 'string', default: '8765' },
        host: { type: 'string', default: '127.0.0.1' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be a number from 0 to 65535 (0 picks a free port).');
    if (!fs.existsSync(path.join(runtime.staticDir, 'index.html'))) {
      process.stderr.write(
        `error INTERNAL: the web app is not built ` +
          `(${runtime.staticDir}/index.html missing). Run \`npm run build:web\`.\n`,
      );
      return EXIT.FAILED;
    }
    if (!LOOPBACK.has(values.host))
      process.stderr.write(
        `warning: serving ` +
          `on ${values.host}, reachable from other machines; anyone with the token can edit this workspace.\n`,
      );
    const dbPath = resolveDbPath(values.db);
    const core = createCore(coreOptions(dbPath, runtime, 'server'));
    const server = await startServer({
      core,
      staticDir: runtime.staticDir,
      uploadDir: path.join(path.dirname(dbPath), 'uploads'),
      host: values.host,
      port,
    });
    process.stdout.write(`RL Curator is serving ${dbPath} at ${server.loginUrl}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await core.close();
    return EXIT.OK;
  },
};
