/**
 * Retry-After parsing. Providers send `retry-after-ms` (OpenAI, milliseconds, may be fractional)
 * and/or `retry-after` (RFC 9110: delay-seconds or an HTTP-date). The millisecond header wins
 * because it is more precise.
 */

/** The wait in ms the server asked for, or undefined when absent or unparseable. Never negative. */
export function parseRetryAfter(
  headers: { retryAfter?: string; retryAfterMs?: string },
  now: number,
): number | undefined {
  if (headers.retryAfterMs !== undefined) {
    const ms = Number(headers.retryAfterMs.trim());
    if (headers.retryAfterMs.trim() !== '' && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  }
  const value = headers.retryAfter?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
