/**
 * The `app://studio/` scheme the built page is loaded from: registered as privileged (standard,
 * secure, fetch) before the app is ready, and answered from the renderer folder only — the same
 * confined reader as the web host, so `..`, encoded separators and symbolic links cannot reach
 * anything else. HTML answers carry the CSP themselves.
 */
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/api';
import { readStaticFile } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Must run before `app.whenReady()`: Electron fixes scheme privileges at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The response for one `app://` request. */
export async function appProtocolResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const notFound = () => new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) return notFound();
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff' };
  if (file.isHtml) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(new Uint8Array(file.body), { status: 200, headers });
}

/** Once the app is ready: answer `app://` from `rendererDir`. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url));
}
