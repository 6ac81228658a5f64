import { describe, expect, it } from 'vitest';
import { extractCode, extractCodeCandidates, findFencedBlocks, looksLikeCode, stripThinking } from './extract-code';

const CODE =
  'from django.db import models\n\n\nclass Job(models.Model):\n    title = models.CharField(max_length=200)\n';

describe('extractCode', () => {
  it('takes the python block out of prose around it', () => {
    expect(extractCode(`Sure! Here it is:\n\n\`\`\`python\n${CODE}\`\`\`\n\nLet me know.`)).toBe(CODE);
  });

  it('prefers the tagged block, then the largest untagged one', () => {
    const answer = `\`\`\`bash\npip install django\n\`\`\`\n\`\`\`py\n${CODE}\`\`\`\n\`\`\`\nx = 1\n\`\`\``;
    expect(extractCode(answer)).toBe(CODE);
    expect(extractCode('```\nx = 1\n```\n```\nclass A:\n    pass\n```')).toBe('class A:\n    pass\n');
  });

  it('ignores <think> blocks and their decoy fences, closed, unclosed or lone-closed', () => {
    expect(extractCode(`<think>\n\`\`\`python\nprint("decoy")\n\`\`\`\n</think>\n\`\`\`python\n${CODE}\`\`\``)).toBe(
      CODE,
    );
    expect(stripThinking('reasoning...</think>answer')).toBe('answer');
    expect(stripThinking('answer<thinking>never closed')).toBe('answer');
  });

  it('keeps an unclosed last fence (a cut-off answer) and ~~~ fences', () => {
    expect(findFencedBlocks('```python\nx = 1\n')).toEqual([{ lang: 'python', code: 'x = 1\n', closed: false }]);
    expect(extractCode(`~~~python\n${CODE}~~~`)).toBe(CODE);
  });

  it('accepts bare code with prose lines around it', () => {
    expect(extractCode(`Here is the improved model.\n${CODE}\nThis adds validation.`)).toBe(CODE);
  });

  it('returns null for empty and prose-only answers', () => {
    expect(extractCode('')).toBeNull();
    expect(extractCode('<think>only thoughts</think>')).toBeNull();
    expect(
      extractCode('I am sorry, but I cannot write that code. Please consult the Django documentation.'),
    ).toBeNull();
  });

  it('extracts other languages by their aliases', () => {
    expect(extractCode('```requirements\nDjango>=3.2\n```', 'text')).toBe('Django>=3.2\n');
    expect(looksLikeCode('Django>=3.2\ndjangorestframework>=3.14', 'text')).toBe(true);
    expect(looksLikeCode('This is just a sentence about code.\nAnother sentence follows here.', 'python')).toBe(false);
  });
});

describe('extractCodeCandidates', () => {
  it('lists the chosen block first, then the other blocks largest first, each once', () => {
    const helper = 'from django.db import models\n';
    const answer = `\`\`\`python\n${helper}\`\`\`\nThe unit:\n\`\`\`python\n${CODE}\`\`\`\n\`\`\`\n${helper}\`\`\``;
    expect(extractCodeCandidates(answer)).toEqual([CODE, helper]);
    expect(extractCodeCandidates('No code here at all, sorry.')).toEqual([]);
  });
});
