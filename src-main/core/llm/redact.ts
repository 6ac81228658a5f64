/**
 * Secrets never leave the LLM client: providers echo the key in 401 bodies ("Incorrect API key
 * provided: sk-…"), and error messages flow into logs, reports and the renderer. An echo is not
 * always the key as it was sent: a proxy may quote it URL-encoded (`sk%2Dabc%2B…`), inside a JSON
 * string (`sk-a\/b`, `\u00e9`), or base64-encoded as part of a `Basic` credential, so every one of
 * those forms is redacted too.
 */

export const REDACTED = '[redacted]';

/** Shortest encoded fragment worth redacting: shorter ones could match ordinary text. */
const MIN_FRAGMENT = 8;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const base64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const lowerPercent = (text: string) => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/**
 * The runs of base64 that encode `secret` wherever it sits in the encoded text: for each of the
 * three alignments, the groups made only of the secret's bytes (the groups it shares with its
 * neighbours differ from echo to echo and are left; they carry at most two of its characters).
 */
function base64Fragments(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const body = bytes.subarray(skip);
    const whole = body.subarray(0, body.length - (body.length % 3));
    if (whole.length === 0) continue;
    out.push(whole.toString('base64'), whole.toString('base64url'));
  }
  return out;
}

/** Every form in which `secret` may be echoed: as is, URL-, JSON-, base64- and hex-encoded. */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const url = encodeURIComponent(secret);
  const strictUrl = url.replace(/[!'()*~.\-_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const formUrl = url.replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
  const hex = Buffer.from(secret, 'utf8').toString('hex');
  const forms = [
    secret,
    json,
    jsonAscii,
    json.replace(/\//g, '\\/'),
    url,
    lowerPercent(url),
    strictUrl,
    lowerPercent(strictUrl),
    url.replace(/%20/g, '+'),
    formUrl,
    lowerPercent(formUrl),
    encodeURIComponent(url),
    base64(secret),
    base64Url(secret),
    hex,
    hex.toUpperCase(),
    ...base64Fragments(secret),
  ];
  return [...new Set(forms)]
    .filter((f) => f === secret || f.length >= MIN_FRAGMENT)
    .sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each secret, in any of the forms of `secretForms`, and any
 * `Bearer <token>`, with `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out.replace(/Bearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`);
}
