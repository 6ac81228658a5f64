/**
 * Serving the built renderer (`out/renderer`) to the web host and to Electron's `app://` scheme:
 * regular files only from inside that folder (symbolic links followed before deciding), the
 * right content types, and `index.html` for the root.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  isHtml: boolean;
}

/** The file for a URL path, or null when it does not exist or would leave `root`. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absolute = path.resolve(root, relative);
  if (absolute !== root && !absolute.startsWith(root + path.sep)) return null;
  try {
    // A symbolic link inside the folder must not lead out of it.
    const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(absolute)]);
    if (!real.startsWith(realRoot + path.sep)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile()) return null;
    const ext = path.extname(absolute).toLowerCase();
    return {
      body: await fs.readFile(real),
      contentType: TYPES[ext] ?? 'application/octet-stream',
      isHtml: ext === '.html',
    };
  } catch {
    return null;
  }
}
