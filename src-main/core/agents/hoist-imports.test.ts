import { describe, expect, it } from 'vitest';
import { addImports, splitLeadingImports } from './hoist-imports';

describe('splitLeadingImports', () => {
  it('takes leading one-line imports off a unit and leaves the rest', () => {
    expect(splitLeadingImports('from django.db.models import Q\nimport re\n\nclass A:\n    pass')).toEqual({
      imports: ['from django.db.models import Q', 'import re'],
      body: 'class A:\n    pass',
    });
  });

  it('leaves units without leading imports, and parenthesised imports, alone', () => {
    expect(splitLeadingImports('# note\nimport re\nclass A: ...')).toEqual({
      imports: [],
      body: '# note\nimport re\nclass A: ...',
    });
    const multi = 'from x import (\n    a,\n)\nclass A: ...';
    expect(splitLeadingImports(multi)).toEqual({ imports: [], body: multi });
  });
});

describe('addImports', () => {
  const module = '"""Models."""\n\nfrom django.db import (\n    models,\n)\nimport re\n\n\nclass A:\n    pass\n';

  it('adds missing imports after the last top-of-file import, once', () => {
    expect(addImports(module, ['from django.db.models import Q', 'import re', 'from django.db.models import Q'])).toBe(
      '"""Models."""\n\nfrom django.db import (\n    models,\n)\nimport re\nfrom django.db.models import Q\n\n\nclass A:\n    pass\n',
    );
    expect(addImports(module, ['import re'])).toBe(module);
  });

  it('adds them after a (multi-line) docstring when the module has no imports', () => {
    expect(addImports('"""Doc\nstring."""\n\n\nclass A:\n    pass\n', ['import re'])).toBe(
      '"""Doc\nstring."""\n\nimport re\n\n\nclass A:\n    pass\n',
    );
  });
});
