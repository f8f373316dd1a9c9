import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { channels, type Channel } from '../../preload/api';
import { openRegister } from '../db/register';
import { isSharedRegisterUrl } from '../db/pg/connection';
import { openSharedRegister } from '../db/pg/register';
import { databaseErrorMessage } from '../db/open-errors';
import { dispatch, invalid } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { contentSecurityPolicy, contentTypeFor, newNonce, renderIndexHtml, resolveAppAsset } from '../security';
import { createServices, type Clock, type PreferenceStore, type Services } from '../services';
import type { Handlers } from '../ipc/dispatch';
import packageJson from '../../package.json' with { type: 'json' };

export interface HostOptions {
  databasePath: string;
  /** The built renderer; `out/renderer` of the project by default. */
  rendererDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Encryption key of the database, if it has one. */
  key?: string;
  /** "Now" for the services: the machine's clock, or a fixed day in end-to-end tests. */
  clock: Clock;
  /** This computer's preferences (the app's file beside its data); in memory when left out. */
  preferences?: PreferenceStore;
  /** This computer's account name: the user last signed in from it is offered first. */
  osAccount?: string | null;
  /** The automatic daily copy (on unless a test turns it off; never for a shared register, whose copies are the database's). */
  backups?: boolean;
  /** The shared register's password, when `databasePath` is a `postgres://` address without one (PGPASSWORD). */
  password?: string | null;
}

export interface Host {
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-placeringskollen-token';
export const MAX_BODY_BYTES = 1024 * 1024;

const defaultRendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/**
 * The browser host: the renderer and the same API as the Electron app over HTTP, for development
 * and end-to-end tests. Only for this user on this machine: bound to 127.0.0.1, Host header
 * checked (DNS rebinding), every API call carries the per-run token.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new RendererMissingError(rendererDir);
  }
  const shared = isSharedRegisterUrl(options.databasePath);
  // The register, its services and handlers: opened anew after a restore, so one `let`.
  let current = await open();
  async function open(): Promise<Opened> {
    if (shared) return openShared();
    const register = await openRegister(options.databasePath, {
      keys: options.key ? { kind: 'env', key: options.key } : { kind: 'none' },
      now: () => new Date(options.clock.now()),
    });
    const services = createServices(register.connection.db, {
      clock: options.clock,
      osAccount: options.osAccount ?? null,
      ...(options.preferences ? { preferences: options.preferences } : {}),
      register: { register, restart },
    });
    const restored = register.takeRestoreNote();
    if (restored) await services.backups.recordRestore(restored);
    const handlers = createHandlers(services, {
      host: 'browser',
      databasePath: register.path,
      encrypted: register.connection.encrypted,
      version: packageJson.version,
    });
    return { services, handlers, close: () => register.close(), isOpen: () => register.connection.raw.open };
  }
  /** The unit's shared register (issue 18): no file, no copies of the program's, no restore. */
  async function openShared(): Promise<Opened> {
    const register = await openSharedRegister(options.databasePath, { password: options.password ?? null });
    let open = true;
    const services = createServices(register.db, {
      clock: options.clock,
      osAccount: options.osAccount ?? null,
      ...(options.preferences ? { preferences: options.preferences } : {}),
    });
    const handlers = createHandlers(services, {
      host: 'browser',
      databasePath: register.description,
      encrypted: register.encrypted,
      version: packageJson.version,
      register: 'shared',
    });
    return {
      services,
      handlers,
      close: async () => {
        open = false;
        await register.close();
      },
      isOpen: () => open,
    };
  }
  /**
   * The browser host's restart: the work closes the register, and everything is opened anew,
   * whatever happened. If the register cannot be opened again, every call says so until the host
   * is started again.
   */
  let broken: string | null = null;
  async function restart<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      try {
        if (current.isOpen()) await current.close();
        current = await open();
      } catch (error) {
        console.error('Placeringskollen: registret kunde inte öppnas igen:', error);
        broken = `Registret kunde inte öppnas igen. ${databaseErrorMessage(error, options.databasePath).replace('\n\n', ' ')} Starta om webbläsarläget.`;
      }
    }
  }
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = sha256(token);
  let allowedHosts: string[] = [];

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Placeringskollen: oväntat fel i webbvärden:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internt fel.');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Fel värdnamn.');
    }
    // The raw path, not a parsed one: URL parsing would quietly collapse `..` instead of refusing it.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return api(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'Metoden är inte tillåten.');
    }
    const file = resolveAppAsset(rendererDir, path);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // Browsers ask for a favicon on their own; an empty answer keeps a 404 out of the console.
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
    }
    const type = contentTypeFor(file);
    if (type.startsWith('text/html')) {
      const nonce = newNonce();
      res.setHeader('Cache-Control', 'no-store');
      return send(res, 200, type, renderIndexHtml(body.toString('utf8'), nonce), nonce);
    }
    return send(res, 200, type, body);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return send(res, 405, 'text/plain; charset=utf-8', 'Metoden är inte tillåten.');
    }
    if (!isOriginAllowed(req.headers.origin)) return send(res, 403, 'text/plain; charset=utf-8', 'Fel ursprung.');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !timingSafeEqual(sha256(given), tokenDigest)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Nyckeln saknas eller är fel.');
    }
    if (!(channels as string[]).includes(name)) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
    const raw = await readBody(req);
    if (raw === null) {
      res.setHeader('Connection', 'close');
      return send(res, 413, 'text/plain; charset=utf-8', 'Anropet är för stort.');
    }
    let input: unknown;
    try {
      input = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, invalid([{ path: '', message: 'Anropet är inte giltig JSON.' }]));
    }
    res.setHeader('Cache-Control', 'no-store');
    if (broken !== null) return sendJson(res, 200, { ok: false, error: { code: 'INTERNAL', message: broken } });
    return sendJson(res, 200, await dispatch(name as Channel, input, current.handlers));
  }

  function isOriginAllowed(origin: string | undefined): boolean {
    return origin === undefined || allowedHosts.some((host) => origin === `http://${host}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    await current.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // While the browser is opened and loads the page.
  void current.services.warmUp();
  // The daily copy, as in the app: after the start's work, then checked every hour.
  const runBackups = () => {
    const { problem } = current.services.backups.runDue();
    if (problem) console.error('Placeringskollen:', problem);
  };
  const backupTimers = options.backups === false || shared ? [] : [setTimeout(runBackups, 60_000), setInterval(runBackups, 60 * 60_000)];
  for (const timer of backupTimers) timer.unref();
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const timer of backupTimers) clearTimeout(timer);
      await current.close();
    },
  };
}

interface Opened {
  services: Services;
  handlers: Handlers;
  close(): Promise<void>;
  isOpen(): boolean;
}

/** The renderer has not been built: nothing to serve. */
export class RendererMissingError extends Error {
  constructor(readonly rendererDir: string) {
    super(`Gränssnittet saknas i ${rendererDir}: kör "npm run build" först.`);
    this.name = 'RendererMissingError';
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The body, or null if it passes the limit (the rest is drained, not kept, so a 413 can be sent). */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES ? Infinity : 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, nonce = newNonce()): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
