import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import {
  APP_HOST,
  APP_SCHEME,
  contentSecurityPolicy,
  contentTypeFor,
  newNonce,
  renderIndexHtml,
  resolveAppAsset,
} from '../security';

/** Before `ready`: app:// behaves like https (relative URLs, secure context) instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** After `ready`: app://placeringskollen/… serves the built renderer and nothing else. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}

/** Every response carries the CSP; index.html gets a fresh nonce each time it is served. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const nonce = newNonce();
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
  };
  const notFound = () => new Response('Finns inte.', { status: 404, headers });
  // The raw path, not URL's pathname: parsing would collapse `..` instead of refusing it.
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (request.method !== 'GET' || !request.url.startsWith(prefix)) return notFound();
  const rawPath = '/' + (request.url.slice(prefix.length).split(/[?#]/)[0] ?? '');
  const file = resolveAppAsset(rendererDir, rawPath);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  const type = contentTypeFor(file);
  return new Response(type.startsWith('text/html') ? renderIndexHtml(body.toString('utf8'), nonce) : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': type },
  });
}
