/**
 * What a child process may see of the parent's environment. A child (the runtime layer's
 * `manage.py`, the Python analyzer, the syntax checker, an editor) starts from an allowlist, never
 * from `process.env`, so an API key or a stray `DJANGO_SETTINGS_MODULE` cannot reach it; and the
 * hosts take the API keys out of `process.env` once at start, so no later `spawn` can leak them
 * by accident.
 */

/** Variables a Python interpreter needs to find itself, its locale and a temp folder. */
export const CHILD_ENV_ALLOWLIST: readonly string[] = [
  'PATH',
  'HOME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
  'TEMP',
  'TMP',
  'SYSTEMROOT',
  'USERPROFILE',
];

/** What an interactive program (an editor, a browser) also needs: the terminal and the display. */
export const INTERACTIVE_ENV_ALLOWLIST: readonly string[] = [
  ...CHILD_ENV_ALLOWLIST,
  'TERM',
  'COLORTERM',
  'USER',
  'LOGNAME',
  'SHELL',
  'DISPLAY',
  'WAYLAND_DISPLAY',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'DBUS_SESSION_BUS_ADDRESS',
  'APPDATA',
  'LOCALAPPDATA',
];

/** Names that hold secrets: the providers' keys and anything named like a key or token. */
export function isSecretName(name: string): boolean {
  return /(_API_KEY|_TOKEN|_SECRET|_PASSWORD)$/i.test(name) || /^(API_KEY|TOKEN|SECRET)$/i.test(name);
}

/**
 * The environment a child starts from: the allowlisted variables of `from` (never a secret, even
 * if an allowlist names one), `PYTHONDONTWRITEBYTECODE=1` (no `__pycache__` in the project being
 * checked), `PYTHONUNBUFFERED=1` (output is not lost when the child is killed) and UTF-8 I/O,
 * then `extra` on top.
 */
export function childEnv(
  extra: Readonly<Record<string, string>> = {},
  options: { allow?: readonly string[]; from?: Readonly<Record<string, string | undefined>> } = {},
): Record<string, string> {
  const from = options.from ?? process.env;
  const env: Record<string, string> = {};
  for (const key of options.allow ?? CHILD_ENV_ALLOWLIST) {
    const value = from[key];
    if (value !== undefined && !isSecretName(key)) env[key] = value;
  }
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return { ...env, ...extra };
}

/**
 * Take the secrets out of `env` (default `process.env`): returns a snapshot of the whole
 * environment for the host to read its key from once, and deletes every secret-named variable
 * from `env` itself, so nothing started later inherits it. Note that `/proc/<pid>/environ` keeps
 * the environment the process was started with; only the sandbox's private `/proc` hides that.
 */
export function detachSecrets(
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const snapshot = { ...env };
  for (const name of Object.keys(env)) if (isSecretName(name)) delete env[name];
  return snapshot;
}
