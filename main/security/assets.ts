import path from 'node:path';

/**
 * Maps a request path (`/assets/index-1a2b.js`, `/`) to a file inside the renderer directory, or
 * null if the path could reach anything else: `..` (plain or percent-encoded), absolute paths,
 * backslashes, drive letters, NUL, hidden files. Used by the app:// protocol and the browser host.
 * Whether the file exists is the caller's business.
 */
export function resolveAppAsset(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (!decoded.startsWith('/')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  // '%' left after one decode means double encoding (%252e): nobody legitimate sends that.
  if (/[\\%\0:]/.test(relative) || relative.startsWith('/')) return null;
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;

  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a renderer file; unknown kinds are sent as opaque bytes (with nosniff). */
export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
