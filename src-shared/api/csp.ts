/**
 * The Content-Security-Policy of the app's page, one string for both hosts: Electron sets it on
 * every response of the window's session, the web host on every HTML response. Scripts only from
 * the app itself (no inline, no eval); Monaco needs blob workers and inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
