import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints one line as if it were written in `file`, with the repository's configuration. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(`${code}\nexport const used = x;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const erdFile = 'src-renderer/src/features/erd/probe.ts';

describe('the renderer’s import boundaries (eslint.config.js)', () => {
  it('keep a feature out of other features and the shell', async () => {
    expect(await restricted(erdFile, "import { x } from '@renderer/features/review/actions';")).toEqual([
      expect.stringContaining('never another feature or the shell'),
    ]);
    expect(await restricted(erdFile, "import { x } from '../run';")).toHaveLength(1);
    expect(await restricted(erdFile, "import { x } from '@renderer/shell/App';")).toHaveLength(1);
    expect(await restricted(erdFile, "import { x } from '../../store';")).toEqual([
      expect.stringContaining('through @renderer/… or @shared/…'),
    ]);
    expect(await restricted(erdFile, "import { x } from '@renderer/store';")).toEqual([]);
    expect(await restricted(erdFile, "import { x } from './erd-slice';")).toEqual([]);
  });

  it('keep each heavy library in its adapter folder, reached only through its lazy entry', async () => {
    expect(await restricted(erdFile, "import { x } from '@xyflow/react';")).toEqual([
      expect.stringContaining('only in src-renderer/src/lib/flow/'),
    ]);
    expect(await restricted(erdFile, "import x from '@renderer/lib/flow/FlowDiagram';")).toEqual([
      expect.stringContaining('Use the lazy entry of lib/flow/'),
    ]);
    expect(await restricted(erdFile, "import { x } from '@renderer/lib/flow/DiagramView';")).toEqual([]);
    expect(await restricted('src-renderer/src/lib/flow/probe.ts', "import { x } from '@xyflow/react';")).toEqual([]);
    expect(await restricted('src-renderer/src/lib/flow/probe.ts', "import { x } from 'chart.js';")).toHaveLength(1);
    expect(await restricted('src-renderer/src/shell/probe.ts', "import x from 'monaco-editor/editor';")).toHaveLength(
      1,
    );
  });

  it('keep lib/ free of features, the shell on public indexes, and all of it off Node and Electron', async () => {
    expect(
      await restricted('src-renderer/src/lib/probe.ts', "import { x } from '@renderer/features/erd';"),
    ).toHaveLength(1);
    expect(
      await restricted('src-renderer/src/shell/probe.ts', "import { x } from '@renderer/features/run/actions';"),
    ).toHaveLength(1);
    expect(await restricted('src-renderer/src/shell/probe.ts', "import { x } from '@renderer/features/run';")).toEqual(
      [],
    );
    for (const file of [erdFile, 'src-renderer/src/store/probe.ts', 'src-renderer/src/main-probe.ts']) {
      expect(await restricted(file, "import { x } from 'node:fs';")).toHaveLength(1);
      expect(await restricted(file, "import { x } from 'electron';")).toHaveLength(1);
    }
  });
});
