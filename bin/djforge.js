#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout, so `npx djforge` works right after
// `npm install` without a build step. Compiling every module with tsx on each start costs about a
// second, so the CLI is bundled once by esbuild into out/cli/djforge.mjs (git-ignored) and that
// bundle runs while it is fresh. Its first line records every source file it was built from, plus
// this script, the tsconfig files and esbuild's version file (path, mtime, size): if any of them
// changed, moved or vanished, the bundle is rebuilt before it runs, so a stale bundle never runs old
// code. If esbuild cannot build (or DJFORGE_NO_BUNDLE=1), tsx runs the sources as before.
// DJFORGE_BUNDLE_OUT=<name> uses out/<name>/; DJFORGE_BUNDLE_TRACE=1 tells on stderr which way the
// CLI started. Stack traces name the bundle's lines; a linked source map is
// written beside it (NODE_OPTIONS=--enable-source-maps maps them back, at ~0.1 s of start-up).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FORMAT = 1;
const HEADER = '// djforge-bundle ';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'src-main/cli/index.ts');
// out/<name>/ sits as deep in the checkout as src-main/cli/, so paths the CLI takes from its own
// module URL still land in the checkout, and its packages resolve from the checkout's node_modules.
const outName = process.env.DJFORGE_BUNDLE_OUT ?? 'cli';
const outDir = path.join(root, 'out', outName);
const bundle = path.join(outDir, 'djforge.mjs');

function trace(message) {
  if (process.env.DJFORGE_BUNDLE_TRACE === '1') process.stderr.write(`djforge-bundle: ${message}\n`);
}

/** Path (relative to the checkout) → [mtimeMs, size], or null when the file is gone. */
function stamp(file) {
  try {
    const stat = fs.statSync(path.join(root, file));
    return [stat.mtimeMs, stat.size];
  } catch {
    return null;
  }
}

/** Why the bundle cannot run as it is, or null when every recorded input is unchanged. */
function staleness() {
  let text;
  try {
    text = fs.readFileSync(bundle, 'utf8');
  } catch {
    return 'no bundle yet';
  }
  const end = text.indexOf('\n');
  if (!text.startsWith(HEADER) || end < 0) return 'bundle without a header';
  let manifest;
  try {
    manifest = JSON.parse(text.slice(HEADER.length, end));
  } catch {
    return 'unreadable header';
  }
  if (manifest?.format !== FORMAT || manifest.entry !== path.relative(root, entry)) return 'other bundle format';
  const inputs = Object.entries(manifest.inputs ?? {});
  if (inputs.length === 0) return 'no inputs recorded';
  for (const [file, recorded] of inputs) {
    const now = stamp(file);
    if (now === null) return `${file} is gone`;
    if (!Array.isArray(recorded) || now[0] !== recorded[0] || now[1] !== recorded[1]) return `${file} changed`;
  }
  return null;
}

/**
 * Builds the bundle with esbuild; packages stay external, so node_modules are resolved at run time
 * and only the checkout's own files are inputs. Written to a temporary file and renamed into place,
 * so a concurrent start sees the old or the new bundle, never half of one. A file that changed while
 * the build ran leaves no header, so the next start builds again.
 */
async function build() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: root,
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = {};
  let settled = true;
  const settings = fs.readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f));
  const builder = ['bin/djforge.js', 'node_modules/esbuild/package.json', ...settings];
  for (const file of [...new Set([...Object.keys(result.metafile.inputs), ...builder])].sort()) {
    const now = stamp(file);
    if (now === null || now[0] >= started - 1) settled = false;
    inputs[file] = now;
  }
  const header = HEADER + JSON.stringify({ format: FORMAT, entry: path.relative(root, entry), inputs }) + '\n';
  const code = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  if (!code || !map) throw new Error('esbuild gave no bundle');
  const shifted = JSON.parse(map.text);
  shifted.mappings = ';' + shifted.mappings;
  fs.mkdirSync(outDir, { recursive: true });
  const temp = `${bundle}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(`${temp}.map`, JSON.stringify(shifted));
  fs.renameSync(`${temp}.map`, `${bundle}.map`);
  fs.writeFileSync(temp, (settled ? header : '') + code.text);
  fs.renameSync(temp, bundle);
  return settled;
}

/** Why the bundle is not used at all this time, or null. */
function bundleOff() {
  if (process.env.DJFORGE_NO_BUNDLE === '1') return 'DJFORGE_NO_BUNDLE=1';
  if (!/^[\w-][\w.-]*$/.test(outName)) return `DJFORGE_BUNDLE_OUT must be a folder name, got "${outName}"`;
  return null;
}

async function start() {
  const off = bundleOff();
  if (off === null) {
    let reason = staleness();
    if (reason !== null) {
      try {
        const settled = await build();
        trace(`built (${reason})${settled ? '' : '; a source changed during the build'}`);
        reason = null;
      } catch (error) {
        trace(`cannot build (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); using tsx`);
      }
    } else trace('fresh');
    if (reason === null) {
      await import(pathToFileURL(bundle).href);
      return;
    }
  } else trace(`${off}; using tsx`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

await start();
