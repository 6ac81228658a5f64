import { describe, expect, it } from 'vitest';
import { topLevelRuns } from './top-level';

describe('topLevelRuns', () => {
  it('groups statements into runs, keeping decorators, comments, strings and brackets with their statement', () => {
    const code = [
      'LIMITS = [',
      '1,',
      ']',
      'TEXT = """',
      'class NotAClass:',
      '"""',
      '',
      '',
      '# a comment about the class',
      '@decorate(',
      '    x=1,',
      ')',
      'class First:',
      '    pass',
      '',
      '',
      'class Second(',
      'First):',
      "    doc = 'class Fake'",
      '',
      '',
      'TOTAL = 1 + \\',
      '2',
      '# trailing comment',
    ].join('\n');
    expect(topLevelRuns(code)).toEqual([
      { kind: 'other', text: 'LIMITS = [\n1,\n]\nTEXT = """\nclass NotAClass:\n"""' },
      {
        kind: 'class',
        text: "# a comment about the class\n@decorate(\n    x=1,\n)\nclass First:\n    pass\n\n\nclass Second(\nFirst):\n    doc = 'class Fake'",
      },
      { kind: 'other', text: 'TOTAL = 1 + \\\n2\n# trailing comment' },
    ]);
  });

  it('treats code without a statement as one run, and no code as none', () => {
    expect(topLevelRuns('\n# only a comment\n')).toEqual([{ kind: 'other', text: '# only a comment' }]);
    expect(topLevelRuns('  \n')).toEqual([]);
  });

  it('keeps code before the first statement with it', () => {
    expect(topLevelRuns('    stray = 1\ndef f():\n    return 1')).toEqual([
      { kind: 'other', text: 'stray = 1\ndef f():\n    return 1' },
    ]);
  });
});
