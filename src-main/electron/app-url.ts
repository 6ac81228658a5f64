/**
 * Which URLs are the app's own page: the dev server's origin in development, the built
 * `index.html` (and only files under the renderer folder) otherwise. Navigation elsewhere is
 * blocked and IPC from elsewhere refused.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function appUrlCheck(options: {
  devServerUrl?: string | undefined;
  rendererDir: string;
}): (url: string) => boolean {
  const dev = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  const root = path.resolve(options.rendererDir);
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (dev) return parsed.origin === dev;
    if (parsed.protocol !== 'file:') return false;
    const file = path.resolve(fileURLToPath(parsed));
    return file.startsWith(root + path.sep);
  };
}
