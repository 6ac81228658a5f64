/**
 * The loopback web host: the built renderer and the Studio API over HTTP on 127.0.0.1 only, for
 * `djforge serve` and the end-to-end tests. `POST /api/<method>` takes the method's JSON input and
 * answers its `Result`; `GET /api/events` streams the contract's events. Every request passes
 * the Host and Origin checks; API and event requests also need the per-launch token in a header
 * (the page reads it from the URL fragment, which no request carries). Typed paths are confined
 * to the roots the host was started with; settings live in `<dataDir>/settings.json`, where only
 * the command line may change the interpreter and cache paths; API keys come from the environment.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/api';
import type { ErrorCode, Result } from '../../src-shared/result';
import { environmentSecretStore, fileSettingsStore } from '../core/settings';
import {
  createConfinement,
  createStudioService,
  dispatchStudio,
  fileHistoryStore,
  type CoreFunctions,
  type StudioService,
} from '../core/studio';
import { createEventHub } from './event-stream';
import { checkOrigin, checkToken } from './guard';
import { readStaticFile } from './static-files';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface WebHostOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  rendererDir: string;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  version: string;
  core: CoreFunctions;
  /** Fixed token for tests; a random 256-bit one otherwise. */
  token?: string;
  /** The folders typed paths may lead into (`djforge serve --root`); system folders never. */
  roots: readonly string[];
}

export interface WebHost {
  /** The URL to open, with the token in its fragment (`#token=…`), which the browser never sends. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly service: StudioService;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...BASE_HEADERS, ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message, retryable: false } };
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const hub = createEventHub();
  const confinement = await createConfinement(options.roots, [options.dataDir, rendererDir]);
  const service = createStudioService({
    info: { name: 'DjForge Studio', version: options.version, host: 'web', dataDir: options.dataDir },
    core: options.core,
    settings: fileSettingsStore(path.join(options.dataDir, 'settings.json')),
    secrets: environmentSecretStore(options.env),
    history: fileHistoryStore(options.dataDir),
    emit: hub.emit,
    env: options.env,
    access: {
      confinement,
      settingsPaths: 'refuse',
      settingsHint: 'start the server with "djforge serve --python <path>" or "--cache-dir <dir>".',
    },
  });
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const isApi = url.pathname.startsWith('/api/');
    const verdict = isApi
      ? [checkOrigin(req, port), checkToken(req, token)].find((v) => !v.ok)
      : checkOrigin(req, port);
    if (verdict && !verdict.ok)
      return send(res, verdict.status, `${verdict.reason}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendJson(res, 405, failure('request.method', 'Use GET for /api/events.'));
      return hub.attach(res);
    }
    if (isApi) {
      const method = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST') return sendJson(res, 405, failure('request.method', `Use POST for /api/${method}.`));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, failure('request.content-type', 'Send the request body as application/json.'));
      }
      const body = await readBody(req);
      if (body === null)
        return sendJson(res, 413, failure('request.too-large', `The request body is over ${MAX_BODY_BYTES} bytes.`));
      let payload: unknown;
      try {
        payload = body.trim() === '' ? {} : JSON.parse(body);
      } catch (e) {
        return sendJson(
          res,
          400,
          failure('request.invalid', `/api/${method}: the body is not JSON (${(e as Error).message}).`),
        );
      }
      return sendJson(res, 200, await dispatchStudio(service.handlers, method, payload));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed.\n', { 'Content-Type': 'text/plain' });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) {
      const hint =
        url.pathname === '/'
          ? ` (no ${path.join(rendererDir, 'index.html')}: run "npx electron-vite build" first)`
          : '';
      return send(res, 404, `Not found: ${url.pathname}${hint}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const headers: Record<string, string> = { 'Content-Type': file.contentType };
    if (file.isHtml) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : file.body, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, failure('internal', e instanceof Error ? e.message : String(e)));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    service,
    close: async () => {
      for (const runId of [...service.runs.activeRunIds()]) service.runs.cancel(runId);
      void service.runs.dispose();
      hub.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
