/**
 * The Content-Security-Policy of the app's page, one list for every place it is stated: Electron
 * sets it on every response of the window's session, the web host on every HTML response, and
 * the renderer's build writes it into `index.html` as a `<meta>` tag (for a page opened with no
 * header at all). Scripts only from the app itself (no inline, no eval, no CDN); Monaco needs
 * blob workers and inline styles.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** Directives a browser ignores (with a console warning) when the policy comes from a `<meta>` tag. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy without the header-only directives, for the page's `<meta http-equiv>` tag. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.includes(d.split(' ')[0] ?? '')).join(
  '; ',
);
