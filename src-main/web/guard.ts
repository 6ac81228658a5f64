/**
 * Who may talk to the web host. It listens on 127.0.0.1, but a page on any site can still make
 * the browser send requests there (and DNS rebinding can make them same-origin), so every request
 * must name this host and port in `Host` and come from this origin when it has an `Origin`.
 * The static files are the app's public code and need nothing more; every API and event request
 * must also carry the per-launch token in its `Authorization: Bearer` header. The token is never
 * put in a cookie (cookies ignore ports: every other server on 127.0.0.1 would receive it) nor
 * accepted from the query string (it would end up in logs and history).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 401; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host and Origin: required of every request, static or not. */
export function checkOrigin(req: IncomingMessage, port: number): GuardVerdict {
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
  return { ok: true };
}

/** The token in `Authorization: Bearer <token>`: required of every API and event request. */
export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && sameToken(bearer, token)) return { ok: true };
  return {
    ok: false,
    status: 401,
    reason: 'Refused: missing or wrong token; open the URL "djforge serve" printed (with its #token=…).',
  };
}
