import { randomBytes } from 'node:crypto';

/** The placeholder the renderer's index.html carries where the per-response nonce goes. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function directives(nonce: string): string[] {
  if (!base64.test(nonce)) throw new Error('A CSP nonce must be base64.');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // AG Grid injects its styles in <style> tags carrying this nonce (styleNonce).
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ];
}

/** The Content-Security-Policy header sent with every response of the app:// protocol and the host. */
export function contentSecurityPolicy(nonce: string): string {
  return directives(nonce).join('; ');
}

/** The same policy for a <meta> element, which may not carry frame-ancestors (the browser warns). */
function metaContentSecurityPolicy(nonce: string): string {
  return directives(nonce)
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}

// The whole element, whatever the attribute order (the policy itself contains single quotes).
const metaCsp = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?Content-Security-Policy\b[^>]*>/i;

/**
 * index.html for one response: the placeholder replaced by the nonce, and a CSP meta element,
 * if the page has one, rewritten to the same policy as the header so the two never disagree.
 */
export function renderIndexHtml(html: string, nonce: string): string {
  const policy = metaContentSecurityPolicy(nonce); // also checks the nonce is base64
  return html
    .replace(metaCsp, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`)
    .replaceAll(NONCE_PLACEHOLDER, nonce);
}
