/**
 * Where the web host keeps settings, history and the cache when no folder is given: the same
 * folder the desktop app uses (Electron's `userData` for "DjForge Studio"), so both hosts share
 * one history. `DJFORGE_DATA_DIR` overrides it.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'DjForge Studio';

export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  const override = env['DJFORGE_DATA_DIR'];
  if (override) return path.resolve(override);
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), APP_FOLDER);
}
