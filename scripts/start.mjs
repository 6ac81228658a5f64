#!/usr/bin/env node
/**
 * `npm start` after the build: make sure Electron's binary is present, then open the app.
 *
 * Electron 45 no longer downloads its binary on `npm install`; it does so the first time
 * `require('electron')` runs, and `electron-vite preview` only reads `path.txt`, so on a fresh
 * machine it stops with "Electron uninstall". This launcher runs Electron's own installer when
 * the binary is missing, and when that download is impossible (no internet, a proxy) it says so
 * in one sentence and points to `npm run web` instead of printing a stack trace.
 *
 * Usage: node scripts/start.mjs [--app <dir>] [-- <electron args>]
 *   --app <dir>        the app folder whose package.json `main` is the built entry (default: the
 *                      repository)
 *   ELECTRON_EXEC_PATH an Electron executable to use as is (electron-vite's variable)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_HINT = 'run `npm run web` to open the same app in your browser';

/** Ends the launcher with one sentence on stderr. */
function fail(sentence, code = 1) {
  process.stderr.write(`DjForge Studio cannot start: ${sentence}.\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const options = { app: REPO, electronArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--app') options.app = path.resolve(argv[++i] ?? fail('--app needs a folder', 2));
    else if (arg === '--') {
      options.electronArgs = argv.slice(i + 1);
      break;
    } else fail(`unknown option ${arg}`, 2);
  }
  return options;
}

/** The built main entry named by the app's package.json, or a sentence saying what is missing. */
function mainEntry(appDir) {
  const pkgFile = path.join(appDir, 'package.json');
  if (!existsSync(pkgFile)) fail(`${pkgFile} does not exist`);
  const main = JSON.parse(readFileSync(pkgFile, 'utf8')).main ?? 'index.js';
  const entry = path.resolve(appDir, main);
  if (!existsSync(entry))
    fail(`the app is not built (${path.relative(appDir, entry)} is missing); run \`npm run build\``);
  return entry;
}

/** Where the electron package keeps its binary, if it has one. */
function installedBinary(electronDir) {
  try {
    const platformPath = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'), platformPath);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs Electron's own installer; resolves with its combined output and exit code. */
function runInstaller(electronDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: String(error.message) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The first line of the installer's error that says what went wrong, without the stack. */
function downloadReason(output) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return line ? line.replace(/^Error:\s*/, '').replace(/\.$/, '') : 'the installer failed';
}

async function electronExecutable(appDir) {
  const override = process.env.ELECTRON_EXEC_PATH;
  if (override) {
    if (!existsSync(override) || !statSync(override).isFile()) fail(`ELECTRON_EXEC_PATH (${override}) is not a file`);
    return override;
  }
  let electronDir;
  try {
    electronDir = path.dirname(createRequire(path.join(appDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    fail(`the electron package is not installed; run \`npm install\`, or ${WEB_HINT}`);
  }
  const present = installedBinary(electronDir);
  if (present) return present;
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  process.stdout.write(`Downloading Electron ${version} (first start only)…\n`);
  const { code, output } = await runInstaller(electronDir);
  const binary = code === 0 ? installedBinary(electronDir) : null;
  if (!binary)
    fail(
      `Electron's binary could not be downloaded (${downloadReason(output)}) — check your connection or proxy, or ${WEB_HINT}`,
    );
  return binary;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mainEntry(options.app);
  const executable = await electronExecutable(options.app);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [options.app, ...options.electronArgs], { stdio: 'inherit', env });
  child.on('error', (error) => fail(`${executable} could not be started (${error.message}); ${WEB_HINT}`));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
