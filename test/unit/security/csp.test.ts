import { describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER, contentSecurityPolicy, newNonce, renderIndexHtml } from '../../../main/security';

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });
});

describe('contentSecurityPolicy: strict, nonce only for styles', () => {
  const policy = contentSecurityPolicy('abc123==');
  const directives = Object.fromEntries(
    policy.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values.join(' ')];
    }),
  );

  it('denies by default and allows only the app itself', () => {
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'nonce-abc123=='",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
  });

  it('never allows inline or evaluated scripts', () => {
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it.each(["abc' 'unsafe-inline", 'a;b', 'a b', ''])('refuses a nonce that is not base64: %j', (nonce) => {
    expect(() => contentSecurityPolicy(nonce)).toThrow();
  });
});

describe('renderIndexHtml', () => {
  it('puts the nonce where the placeholder was, every occurrence', () => {
    const html = `<meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><style nonce="${NONCE_PLACEHOLDER}"></style>`;
    expect(renderIndexHtml(html, 'Zm9vYmFy')).toBe('<meta name="csp-nonce" content="Zm9vYmFy"><style nonce="Zm9vYmFy"></style>');
  });

  it('rewrites a CSP meta element to the header policy, without frame-ancestors (ignored in meta)', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="default-src *; style-src 'nonce-${NONCE_PLACEHOLDER}'"></head>`;
    const rendered = renderIndexHtml(html, 'Zm9vYmFy');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(rendered)?.[1];
    expect(meta).toBe(contentSecurityPolicy('Zm9vYmFy').replace("; frame-ancestors 'none'", ''));
    expect(rendered).not.toContain(NONCE_PLACEHOLDER);
  });

  it('finds the CSP meta element whatever its attribute order', () => {
    const html = `<meta content='default-src *' http-equiv='content-security-policy'/><title>x</title>`;
    expect(renderIndexHtml(html, 'Zm9vYmFy')).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><title>x<\/title>$/);
  });

  it('leaves a page without placeholder or meta CSP unchanged', () => {
    expect(renderIndexHtml('<p>hej</p>', 'Zm9vYmFy')).toBe('<p>hej</p>');
  });

  it('refuses a nonce that could break out of the attribute', () => {
    expect(() => renderIndexHtml(NONCE_PLACEHOLDER, '"><script>alert(1)</script>')).toThrow();
  });
});
