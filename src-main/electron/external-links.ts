/**
 * Links the page may open in the system browser. `shell.openExternal` hands a URL to the OS,
 * which may run a handler for it, so only https links to a short list of documentation and
 * provider sites qualify, and the user confirms each one in a native dialog first.
 */

export const EXTERNAL_HOSTS: readonly string[] = [
  'docs.djangoproject.com',
  'www.django-rest-framework.org',
  'django-filter.readthedocs.io',
  'drf-spectacular.readthedocs.io',
  'github.com',
  'openrouter.ai',
  'platform.openai.com',
  'ollama.com',
  'lmstudio.ai',
];

/** Why `url` may not be opened outside the app, or null when it may (after confirmation). */
export function externalLinkRefusal(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol !== 'https:') return `only https links open outside the app, not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'it carries a user name or password';
  if (!EXTERNAL_HOSTS.includes(parsed.hostname)) return `${parsed.hostname} is not on the list of sites DjForge opens`;
  return null;
}

export interface ExternalOpener {
  /** A native dialog: true when the user chose to open the link. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
  /** Told why a link was not opened (logged; the page gets nothing). */
  refused?(url: string, reason: string): void;
}

/** Opens `url` in the system browser if it is allowed and the user confirms; returns whether it did. */
export async function openExternalConfirmed(url: string, opener: ExternalOpener): Promise<boolean> {
  const refusal = externalLinkRefusal(url);
  if (refusal) {
    opener.refused?.(url, refusal);
    return false;
  }
  if (!(await opener.confirm(url))) return false;
  await opener.open(url);
  return true;
}
