/**
 * Secrets never leave the LLM client: providers echo the key in 401 bodies ("Incorrect API key
 * provided: sk-…"), and error messages flow into logs, reports and the renderer.
 */

export const REDACTED = '[redacted]';

/** Replaces every occurrence of each secret, and any `Bearer <token>`, with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(/Bearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`);
}
