import { describe, expect, it } from 'vitest';
import { cleanErd, withFile } from '../../../test-support/fixtures/clean-project';
import { SECURITY_CASES } from '../../../test-support/fixtures/security-corpus';
import { findAnalyzerPython } from './python-analyzer';
import { scoreFile } from './score';
import { validateStatic } from './validate-project';

/**
 * Every evasion of the hostile-model corpus, run through the real layers with each parser: the
 * security findings on the file are exactly the expected ones, and a file with an error is never
 * auto-approved (the score's category is "error", which no batch operation approves by default).
 */
const hasPython = (await findAnalyzerPython()) !== null;

describe.each([
  ['CPython', false],
  ['tree-sitter', true],
] as const)('security corpus (%s)', (_engine, noPython) => {
  it.skipIf(!noPython && !hasPython).each(SECURITY_CASES)('$name', async (c) => {
    const files = withFile(c.path, c.content);
    const { findings } = await validateStatic(files, { erd: cleanErd(), noPython });
    const own = findings.filter((f) => f.file === c.path);
    const got = own.filter((f) => f.layer === 'security').map((f) => [f.rule, f.line]);
    expect(got.sort()).toEqual([...c.expected].sort());
    for (const f of own) expect(f.message.length, f.rule).toBeGreaterThan(15);
    const category = scoreFile({ path: c.path, content: c.content, findings: own }).category;
    const errors = own.some((f) => f.severity === 'error');
    if (c.expected.some(([rule]) => rule !== 'security.fields-all')) expect(category).toBe('error');
    if (!errors) expect(category).not.toBe('error');
  });
});

describe.skipIf(!hasPython)('a hostile file under the default approval policy', () => {
  it('is in the error category and skipped, never approved', async () => {
    const { ReviewSession, applyApprovalPolicy, staticValidator } = await import('../review');
    const session = new ReviewSession({ validate: staticValidator(cleanErd()) });
    const hostile = SECURITY_CASES.find((c) => c.name === 'import os as o; o.system');
    await session.add({ path: 'shop/hooks.py', content: hostile?.content ?? '', agent: 'views' });
    const entry = session.list().find((e) => e.path === 'shop/hooks.py');
    expect(entry?.current.category).toBe('error');
    expect(entry?.current.findings.map((f) => f.rule)).toContain('security.process');
    expect(applyApprovalPolicy(session, 'high')).toEqual({ approved: [], skipped: ['shop/hooks.py'] });
  });
});
