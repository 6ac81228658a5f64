import { describe, expect, it } from 'vitest';
import { AnalyzerError, balance, findAnalyzerPython, runAnalyzer } from './python-analyzer';

const found = await findAnalyzerPython();

describe('balance', () => {
  it('spreads files over groups of similar size, largest first', () => {
    const f = (path: string, size: number) => ({ path, content: 'x'.repeat(size) });
    const groups = balance([f('a', 5), f('b', 3), f('c', 3), f('d', 1)], 2);
    expect(groups.map((g) => g.map((x) => x.path))).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(balance([f('a', 1)], 4)).toEqual([[f('a', 1)]]);
  });
});

describe.skipIf(!found)('runAnalyzer', () => {
  it('describes modules in input order, also when split over several processes', async () => {
    const big = Array.from({ length: 9000 }, (_, i) => `v${i} = ${i}`).join('\n') + '\n';
    const files = [
      {
        path: 'a.py',
        content: `import os\nfrom .b import thing\n\n\nclass A(Base):\n    x = [1, 'two']\n\n    class Meta:\n        ordering = ['-id']\n\n    def m(self, y={}):\n        return self.q.select_related('z')\n`,
      },
      ...Array.from({ length: 6 }, (_, i) => ({ path: `big${i}.py`, content: big })),
      { path: 'notes.txt', content: 'not python' },
    ];
    const r = await runAnalyzer(found?.python ?? '', files);
    expect(r.modules.map((m) => m.path)).toEqual(['a.py', ...Array.from({ length: 6 }, (_, i) => `big${i}.py`)]);
    const a = r.modules[0];
    expect(a?.imports).toEqual([
      { line: 1, col: 1, module: null, level: 0, names: [['os', null]] },
      { line: 2, col: 1, module: 'b', level: 1, names: [['thing', null]] },
    ]);
    expect(a?.classes?.[0]).toMatchObject({
      name: 'A',
      line: 5,
      bases: ['Base'],
      attrs: [
        {
          name: 'x',
          line: 6,
          value: {
            k: 'list',
            items: [
              { k: 'num', v: 1 },
              { k: 'str', v: 'two' },
            ],
          },
        },
      ],
      meta: { attrs: { ordering: { line: 9, value: { k: 'list' } } } },
      methods: [{ name: 'm', line: 11 }],
      called: ['select_related'],
    });
    expect(a?.functions).toEqual([expect.objectContaining({ name: 'm', cls: 'A', mutableDefaults: ['y'] })]);
  });

  it('survives values JSON cannot carry and text Python cannot encode, judging each file on its own', async () => {
    const r = await runAnalyzer(found?.python ?? '', [
      { path: 'inf.py', content: 'X = 1e999\nBIG = 123456789012345678901234567890\n' },
      { path: 'lone.py', content: 'x = "\ud800"\n' },
      { path: 'ok.py', content: 'Y = 2\n' },
    ]);
    expect(r.modules.map((m) => [m.path, m.syntax?.type ?? null])).toEqual([
      ['inf.py', null],
      ['lone.py', 'UnicodeEncodeError'],
      ['ok.py', null],
    ]);
    expect(r.modules[0]?.assigns?.map((a) => [a.name, a.value.k])).toEqual([
      ['X', 'expr'],
      ['BIG', 'expr'],
    ]);
  });

  it('describes a module whose classes sit inside a top-level if/try, and walks into every node kind', async () => {
    const content = [
      'try:',
      '    import fast',
      'except ImportError:',
      '    class Fallback(Base):',
      '        def go(self):',
      '            return self.helper.run()',
      '',
      '',
      'class Top:',
      '    size = len(items) + -x[0].count(a < b)',
      '',
      '    def f(self, cb=lambda q=[]: q):',
      '        return [eval(s) for s in self.names.split()]',
      '',
      '',
      'data = {k: v.strip() for k, v in pairs}',
      '',
    ].join('\n');
    const r = await runAnalyzer(found?.python ?? '', [{ path: 'mod.py', content }]);
    const m = r.modules[0];
    expect(m?.syntax).toBeNull();
    expect(m?.classes?.map((c) => [c.name, c.called])).toEqual([['Top', ['count', 'split']]]);
    expect(m?.calls?.map((c) => [c.line, c.attr])).toEqual([
      [6, 'run'],
      [13, 'eval'],
    ]);
    expect(m?.functions?.map((f) => [f.name, f.cls, f.mutableDefaults])).toEqual([
      ['go', 'Fallback', []],
      ['f', 'Top', []],
      ['<lambda>', null, ['q']],
    ]);
  });

  it('names the interpreter when it cannot run the analyzer', async () => {
    await expect(runAnalyzer('/nonexistent/python', [{ path: 'a.py', content: '' }])).rejects.toThrow(AnalyzerError);
    await expect(runAnalyzer('/nonexistent/python', [{ path: 'a.py', content: '' }])).rejects.toThrow(
      /\/nonexistent\/python/,
    );
  });
});
