/**
 * Who may talk to the web host. It listens on 127.0.0.1, but a page on any site can still make
 * the browser send requests there (and DNS rebinding can make them same-origin), so every request
 * must name this host and port in `Host`, come from this origin when it has an `Origin`, and carry
 * the per-launch token (query `token`, `Authorization: Bearer`, or the cookie set on first visit).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'djforge_token';

export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; status: 403 | 401; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

export function checkRequest(req: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).includes(host.toLowerCase())) {
    return {
      ok: false,
      status: 403,
      reason: `Refused: the Host header "${host}" is not this server (expected 127.0.0.1:${port}).`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Refused: requests from origin "${origin}" are not allowed.` };
  }
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameToken(fromQuery, token)) return { ok: true, tokenFromQuery: true };
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && sameToken(bearer, token)) return { ok: true, tokenFromQuery: false };
  const cookie = cookieToken(req.headers.cookie);
  if (cookie !== null && sameToken(cookie, token)) return { ok: true, tokenFromQuery: false };
  return { ok: false, status: 401, reason: 'Refused: missing or wrong token; open the URL "djforge serve" printed.' };
}
