/**
 * bin/djforge.js runs the CLI from an esbuild bundle while every source it was built from is
 * unchanged, and otherwise rebuilds it (or falls back to tsx). These runs, each with its own
 * out/cli-test-… folder, prove a stale bundle never runs, a fresh one runs as it is, and a failed
 * build still starts the CLI.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';

const repo = path.resolve(__dirname, '../../..');
const HEADER = '// djforge-bundle ';
let name: string;
let dir: string;
beforeEach(async () => {
  await fs.mkdir(path.join(repo, 'out'), { recursive: true });
  dir = await fs.mkdtemp(path.join(repo, 'out', 'cli-test-'));
  name = path.basename(dir);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function djforge(env: Record<string, string> = {}): Promise<{ stdout: string; trace: string }> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [path.join(repo, 'bin/djforge.js'), '--version'],
    { env: { ...process.env, DJFORGE_BUNDLE_OUT: name, DJFORGE_BUNDLE_TRACE: '1', ...env } },
  );
  return { stdout, trace: stderr.trim() };
}

interface Manifest {
  format: number;
  entry: string;
  inputs: Record<string, [number, number]>;
}

async function readBundle(): Promise<{ manifest: Manifest; body: string }> {
  const text = await fs.readFile(path.join(dir, 'djforge.mjs'), 'utf8');
  const end = text.indexOf('\n');
  expect(text.startsWith(HEADER)).toBe(true);
  return { manifest: JSON.parse(text.slice(HEADER.length, end)) as Manifest, body: text.slice(end + 1) };
}

const writeBundle = (manifest: Manifest, body: string) =>
  fs.writeFile(path.join(dir, 'djforge.mjs'), `${HEADER}${JSON.stringify(manifest)}\n${body}`);

describe('the djforge start-up bundle', () => {
  it('is built on the first start, records its sources, and runs as it is while they are unchanged', async () => {
    expect(await djforge()).toEqual({
      stdout: `${packageJson.version}\n`,
      trace: 'djforge-bundle: built (no bundle yet)',
    });
    const { manifest } = await readBundle();
    expect(manifest.entry).toBe('src-main/cli/index.ts');
    expect(Object.keys(manifest.inputs)).toEqual(
      expect.arrayContaining(['package.json', 'src-main/cli/index.ts', 'bin/djforge.js', 'tsconfig.json']),
    );
    expect(Object.keys(manifest.inputs).filter((f) => f.includes('node_modules'))).toEqual([
      'node_modules/esbuild/package.json',
    ]);
    const stat = await fs.stat(path.join(repo, 'src-main/cli/index.ts'));
    expect(manifest.inputs['src-main/cli/index.ts']).toEqual([stat.mtimeMs, stat.size]);
    await writeBundle(manifest, 'console.log("from the bundle");\n');
    expect(await djforge()).toEqual({ stdout: 'from the bundle\n', trace: 'djforge-bundle: fresh' });
  });

  it('never runs a bundle one of whose sources changed or vanished: it is rebuilt first', async () => {
    await djforge();
    const { manifest } = await readBundle();
    const changed = structuredClone(manifest);
    const index = changed.inputs['src-main/cli/index.ts'];
    if (!index) throw new Error('the entry is not recorded');
    changed.inputs['src-main/cli/index.ts'] = [index[0] - 1000, index[1]];
    await writeBundle(changed, 'console.log("old code");\n');
    expect(await djforge()).toEqual({
      stdout: `${packageJson.version}\n`,
      trace: 'djforge-bundle: built (src-main/cli/index.ts changed)',
    });
    const gone = { ...manifest, inputs: { ...manifest.inputs, 'src-main/cli/removed.ts': [1, 1] as [number, number] } };
    await writeBundle(gone, 'console.log("old code");\n');
    expect(await djforge()).toEqual({
      stdout: `${packageJson.version}\n`,
      trace: 'djforge-bundle: built (src-main/cli/removed.ts is gone)',
    });
    await fs.writeFile(path.join(dir, 'djforge.mjs'), 'console.log("no header");\n');
    expect((await djforge()).trace).toBe('djforge-bundle: built (bundle without a header)');
    expect((await readBundle()).body).not.toContain('no header');
  });

  it('runs the sources with tsx when asked to, or when the bundle cannot be written', async () => {
    expect(await djforge({ DJFORGE_NO_BUNDLE: '1' })).toEqual({
      stdout: `${packageJson.version}\n`,
      trace: 'djforge-bundle: DJFORGE_NO_BUNDLE=1; using tsx',
    });
    expect(await fs.readdir(dir)).toEqual([]);
    await fs.rm(dir, { recursive: true });
    await fs.writeFile(dir, 'a file where the bundle folder should be');
    const blocked = await djforge();
    expect(blocked.stdout).toBe(`${packageJson.version}\n`);
    expect(blocked.trace).toMatch(/^djforge-bundle: cannot build \(.*EEXIST.*\); using tsx$/);
    expect(await djforge({ DJFORGE_BUNDLE_OUT: '../src-main' })).toEqual({
      stdout: `${packageJson.version}\n`,
      trace: 'djforge-bundle: DJFORGE_BUNDLE_OUT must be a folder name, got "../src-main"; using tsx',
    });
  });
});
