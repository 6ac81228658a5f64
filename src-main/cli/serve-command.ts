/**
 * `djforge serve`: the app in a browser. Starts the loopback web host over the built renderer,
 * prints the URL with its per-launch token, optionally opens it, and runs until interrupted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDir } from '../core/settings';
import { INTERACTIVE_ENV_ALLOWLIST, spawnChild } from '../core/runtime';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { startWebHost } from '../web/web-host';
import { EXIT } from './common';
import type { CliIo } from './io';

export const SERVE_HELP = `Usage: djforge serve [--port <n>] [--open] [--data-dir <dir>]

Serves DjForge Studio on http://127.0.0.1 only and prints the URL to open (it carries a
per-launch token; requests without it are refused).

Options:
  -p, --port <n>         Port to listen on (default: a free one)
      --open             Open the URL in the default browser
      --data-dir <dir>   Settings, history and cache folder (default: DJFORGE_DATA_DIR or the app's folder)
  -h, --help             Show this help

API keys come from the environment: OPENROUTER_API_KEY, OPENAI_API_KEY, DJFORGE_API_KEY (custom).
`;

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Resolves on Ctrl+C or SIGTERM. */
export function untilTerminated(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function openInBrowser(url: string, io: CliIo): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawnChild(command as string, args as string[], {
    group: 'outlive',
    stdio: 'ignore',
    allowEnv: INTERACTIVE_ENV_ALLOWLIST,
  });
  child.on('error', () =>
    io.stderr(`djforge serve: could not open a browser (${command as string}); open the URL above yourself.\n`),
  );
  child.unref();
}

/** Runs the host until `until` resolves (default: Ctrl+C); returns the exit code. */
export async function serveCommand(
  args: readonly string[],
  io: CliIo,
  until: Promise<void> = untilTerminated(),
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', short: 'p' },
        open: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    io.stderr(`djforge serve: ${(e as Error).message}\n${SERVE_HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(SERVE_HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`djforge serve: --port must be a whole number from 0 to 65535, got "${values.port ?? ''}".\n`);
    return EXIT.usage;
  }
  const rendererDir = path.resolve(io.cwd, io.env['DJFORGE_RENDERER_DIR'] ?? path.join(packageRoot, 'out', 'renderer'));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    io.stderr(
      `djforge serve: ${path.join(rendererDir, 'index.html')} does not exist; build the app first with "npx electron-vite build".\n`,
    );
    return EXIT.usage;
  }
  const dataDir = values['data-dir'] ? path.resolve(io.cwd, values['data-dir']) : defaultDataDir(io.env);
  let host;
  try {
    host = await startWebHost({
      port,
      rendererDir,
      dataDir,
      env: io.env,
      version: packageJson.version,
      core: defaultCoreFunctions,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is already in use` : (e as Error).message;
    io.stderr(`djforge serve: cannot listen on 127.0.0.1: ${reason}.\n`);
    return EXIT.usage;
  }
  io.stdout(`DjForge Studio is running at ${host.url}\nData folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
  if (values.open) openInBrowser(host.url, io);
  await until;
  await host.close();
  return EXIT.ok;
}
