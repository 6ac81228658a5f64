import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, secretForms } from './redact';

const KEY = 'sk-or-v1/Ab+c=d"9é~!x';
const leaks = (text: string) =>
  [KEY, 'Ab+c', 'v1/Ab', '9é~']
    .filter((part) => text.includes(part))
    .concat(text.includes('c2stb3It') ? ['base64'] : []);

describe('redactSecrets', () => {
  it.each([
    ['as sent', (k: string) => k],
    ['URL-encoded', (k: string) => encodeURIComponent(k)],
    [
      'URL-encoded with lower-case escapes',
      (k: string) => encodeURIComponent(k).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    ],
    ['form-encoded', (k: string) => new URLSearchParams({ key: k }).toString().slice(4)],
    ['URL-encoded twice', (k: string) => encodeURIComponent(encodeURIComponent(k))],
    ['in a JSON string', (k: string) => JSON.stringify(k).slice(1, -1)],
    ['in an ASCII-only JSON string', (k: string) => JSON.stringify(k).slice(1, -1).replace('é', '\\u00e9')],
    ['in JSON with escaped slashes', (k: string) => JSON.stringify(k).slice(1, -1).replace(/\//g, '\\/')],
    ['base64', (k: string) => Buffer.from(k).toString('base64')],
    ['base64url', (k: string) => Buffer.from(k).toString('base64url')],
    ['hex', (k: string) => Buffer.from(k).toString('hex')],
  ])('removes the key echoed %s', (_form, encode) => {
    const echoed = encode(KEY);
    const text = `401: Incorrect API key provided: ${echoed}. Check your key.`;
    const out = redactSecrets(text, [KEY]);
    expect(out).toContain(REDACTED);
    expect(out.includes(echoed)).toBe(false);
    expect(out.startsWith('401: Incorrect API key provided: ')).toBe(true);
    expect(out.endsWith('. Check your key.')).toBe(true);
  });

  it('removes the key inside a base64 Basic credential at any alignment', () => {
    for (const user of ['', 'u', 'us', 'use']) {
      const credential = Buffer.from(`${user}:${KEY}`).toString('base64');
      const out = redactSecrets(`proxy said: Authorization: Basic ${credential}`, [KEY]);
      expect(out, user).toContain(REDACTED);
      // What is left is the user name's groups and at most the two groups the key shares with them.
      const left = out
        .replace(/.*Basic /, '')
        .split(REDACTED)
        .join('');
      expect(left.length, user).toBeLessThanOrEqual(Math.ceil((user.length + 1) / 3) * 4 + 8);
    }
  });

  it('leaves text without the key alone, and ignores keys too short to redact safely', () => {
    expect(redactSecrets('all good, 200 OK', [KEY])).toBe('all good, 200 OK');
    expect(redactSecrets('abc', ['ab'])).toBe('abc');
    expect(
      leaks(redactSecrets(`a ${KEY} b ${encodeURIComponent(KEY)} c ${Buffer.from(KEY).toString('base64')}`, [KEY])),
    ).toEqual([]);
  });

  it('lists no encoded fragment short enough to match ordinary text', () => {
    expect(secretForms('abcd').every((f) => f === 'abcd' || f.length >= 8)).toBe(true);
  });
});
