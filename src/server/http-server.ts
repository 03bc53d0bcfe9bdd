// `rl-curator serve`: the contract over HTTP on loopback, plus the built renderer. Thin: every request is
// checked (Host, Origin, token) and forwarded to core; nothing here knows about features.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EVENT_NAMES } from '../shared/contract';
import type { Core } from '../core/index';
import {
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorised,
  SERVER_CSP,
  TOKEN_COOKIE,
  tokensEqual,
} from './security';
import { serveStatic } from './static-files';

export interface ServerOptions {
  core: Core;
  /** Folder of the built renderer (out/web). */
  staticDir: string;
  /** Where uploaded files are kept for import (inside the workspace folder). */
  uploadDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: it carries the token. */
  loginUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_CALL_BODY = 4 * 1024 * 1024;
const SECURITY_HEADERS = {
  'Content-Security-Policy': SERVER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  let allowed = new Set<string>();
  const sseClients = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('serve: request failed', err);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: (err as Error).message } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, allowed)) return sendText(res, 403, 'Forbidden: unexpected Host header.');
    if (!isAllowedOrigin(req.headers.origin, allowed)) return sendText(res, 403, 'Forbidden: cross-origin request.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    // Opening the printed URL trades the token for an HttpOnly cookie and drops it from the address bar.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!tokensEqual(queryToken, token))
        return sendText(res, 401, 'Wrong token. Open the URL that `rl-curator serve` printed.');
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
      });
      return void res.end();
    }
    if (!isAuthorised(req, token)) {
      return sendText(
        res,
        401,
        'Unauthorised. Open the URL that `rl-curator serve` printed (it carries the access token).',
      );
    }

    if (url.pathname === '/api/call' && req.method === 'POST') return handleCall(req, res);
    if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res);
    if (url.pathname === '/api/upload' && req.method === 'POST') return handleUpload(req, res, url);
    if (req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (await serveStatic(options.staticDir, url.pathname, res, SECURITY_HEADERS)) return;
      // Client-side routes fall back to the app shell.
      if (!path.extname(url.pathname) && (await serveStatic(options.staticDir, '/index.html', res, SECURITY_HEADERS)))
        return;
    }
    sendText(res, 404, 'Not found.');
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'POST /api/call takes application/json.' },
      });
    }
    const body = await readBody(req, MAX_CALL_BODY);
    if (body === null)
      return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body too large.' } });
    let message: { method?: unknown; input?: unknown };
    try {
      message = JSON.parse(body) as typeof message;
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Request body is not valid JSON.' },
      });
    }
    const result = await options.core.call(typeof message.method === 'string' ? message.method : '', message.input);
    sendJson(res, 200, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const unsubscribers = EVENT_NAMES.map((name) =>
      options.core.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribers.forEach((u) => u());
      sseClients.delete(res);
    });
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const name = (url.searchParams.get('name') ?? 'upload').replace(/[^\w.-]+/g, '_').slice(-120) || 'upload';
    fs.mkdirSync(options.uploadDir, { recursive: true });
    const target = path.join(options.uploadDir, `${Date.now()}-${randomBytes(4).toString('hex')}-${name}`);
    try {
      await pipeline(req, fs.createWriteStream(target));
    } catch (err) {
      fs.rmSync(target, { force: true });
      throw err;
    }
    sendJson(res, 200, { ok: true, value: { path: target, bytes: fs.statSync(target).size } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}/`;
  return {
    url: base,
    loginUrl: `${base}?token=${token}`,
    token,
    port,
    async close() {
      for (const client of sseClients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
