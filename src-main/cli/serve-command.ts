/**
 * `djforge serve`: the app in a browser. Starts the loopback web host over the built renderer,
 * prints the URL with its per-launch token, optionally opens it, and runs until interrupted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import os from 'node:os';
import { INTERACTIVE_ENV_ALLOWLIST, spawnChild } from '../core/runtime';
import { defaultDataDir, fileSettingsStore } from '../core/settings';
import { unusableRootReason } from '../core/studio/capabilities';
import { checkPythonInterpreter, guardSettingsPaths } from '../core/studio/settings-paths';
import { defaultCoreFunctions } from '../core/studio/default-core';
import { startWebHost } from '../web/web-host';
import { EXIT } from './common';
import type { CliIo } from './io';

export const SERVE_HELP = `Usage: djforge serve [--port <n>] [--open] [--root <dir>]… [--data-dir <dir>]
                     [--python <path>] [--cache-dir <dir>]

Serves DjForge Studio on http://127.0.0.1 only and prints the URL to open (its #token=… part
is the per-launch token; requests without it are refused).

Options:
  -p, --port <n>         Port to listen on (default: a free one)
      --open             Open the URL in the default browser
      --root <dir>       A folder the page may open files from and write projects into
                         (repeatable; default: the current folder and the home folder;
                         system folders are never allowed)
      --data-dir <dir>   Settings, history and cache folder (default: DJFORGE_DATA_DIR or the app's folder)
      --python <path>    The Python (with Django) for runtime validation, checked and saved in the
                         settings; the page cannot change it
      --cache-dir <dir>  The LLM answer cache folder, saved in the settings; the page cannot change it
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

/**
 * The folders the page may use: each `--root` (refused with its reason when unusable), or by
 * default the current folder and the home folder, leaving out whichever is unusable (say, the
 * current folder is `/` or a system folder). Returns the reason as a string when none is left.
 */
async function chooseRoots(given: string[] | undefined, io: CliIo, hostFolders: string[]): Promise<string[] | string> {
  const explicit = given !== undefined && given.length > 0;
  const candidates = explicit ? given.map((r) => path.resolve(io.cwd, r)) : [io.cwd, os.homedir()];
  const roots: string[] = [];
  for (const candidate of candidates) {
    const reason = await unusableRootReason(candidate, hostFolders);
    if (reason && explicit) return `--root ${candidate} cannot be used: ${reason}.`;
    if (!reason && !roots.includes(candidate)) roots.push(candidate);
  }
  return roots.length > 0
    ? roots
    : `neither the current folder (${io.cwd}) nor the home folder can be a root; give one with --root <dir>.`;
}

/**
 * Checks and stores `--python` and `--cache-dir`; returns the refusal sentence, or null. Without
 * `--python`, an interpreter already in the settings is checked again (it may predate the rule
 * that a page cannot set it) and forgotten, with a warning, when it is not a Python.
 */
async function saveSettingsPaths(
  dataDir: string,
  python: string | undefined,
  cacheDir: string | undefined,
  warn: (text: string) => void,
): Promise<string | null> {
  const store = fileSettingsStore(path.join(dataDir, 'settings.json'));
  const current = (await store.load()).settings;
  if (python === undefined && current.pythonPath !== null) {
    try {
      await checkPythonInterpreter(current.pythonPath);
    } catch (e) {
      await store.update({ pythonPath: null });
      warn(`djforge serve: forgot the saved interpreter: ${(e as Error).message}\n`);
    }
  }
  if (python === undefined && cacheDir === undefined) return null;
  const patch = { ...(python !== undefined ? { pythonPath: python } : {}), ...(cacheDir ? { cacheDir } : {}) };
  try {
    await guardSettingsPaths(patch, current, 'check', '');
    await store.update(patch);
  } catch (e) {
    return (e as Error).message.replace(/^pythonPath /, '--python ').replace(/^cacheDir /, '--cache-dir ');
  }
  return null;
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
        root: { type: 'string', multiple: true },
        python: { type: 'string' },
        'cache-dir': { type: 'string' },
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
  const roots = await chooseRoots(values.root, io, [dataDir, rendererDir]);
  if (typeof roots === 'string') {
    io.stderr(`djforge serve: ${roots}\n`);
    return EXIT.usage;
  }
  const saved = await saveSettingsPaths(
    dataDir,
    values.python === undefined ? undefined : path.resolve(io.cwd, values.python),
    values['cache-dir'] === undefined ? undefined : path.resolve(io.cwd, values['cache-dir']),
    io.stderr,
  );
  if (saved) {
    io.stderr(`djforge serve: ${saved}\n`);
    return EXIT.usage;
  }
  let host;
  try {
    host = await startWebHost({
      port,
      rendererDir,
      dataDir,
      env: io.env,
      version: packageJson.version,
      core: defaultCoreFunctions,
      roots,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is already in use` : (e as Error).message;
    io.stderr(`djforge serve: cannot listen on 127.0.0.1: ${reason}.\n`);
    return EXIT.usage;
  }
  io.stdout(
    `DjForge Studio is running at ${host.url}\nData folder: ${dataDir}\n` +
      `Files: only inside ${roots.join(', ')}\nPress Ctrl+C to stop.\n`,
  );
  if (values.open) openInBrowser(host.url, io);
  await until;
  await host.close();
  return EXIT.ok;
}
