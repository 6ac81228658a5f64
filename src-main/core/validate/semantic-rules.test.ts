import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { plainErd } from '../../../test-support/fixtures/app-erds';
import { generateProject } from '../generate';
import { scoreFile } from './score';
import { unenforcedRuleFindings } from './semantic-rules';
import { validateStatic } from './validate-project';

function withRules(rules: Erd['rules']): Erd {
  return { ...plainErd(), rules };
}

async function modelsScore(erd: Erd) {
  const files = generateProject(erd);
  const { findings } = await validateStatic(files, { erd, noPython: true });
  const models = files.find((f) => f.path === 'core/models.py');
  if (models === undefined) throw new Error('no core/models.py');
  return scoreFile({ ...models, findings: findings.filter((f) => f.file === models.path) });
}

describe('business rules no code enforces', () => {
  it('name the rule in a warning that keeps models.py out of auto-approval', async () => {
    const score = await modelsScore(withRules([{ entity: 'Note', text: 'Notes are archived after a year' }]));
    expect(score.score).toBeLessThan(0.8);
    expect(score.category).toBe('high');
    expect(score.reasons.join('\n')).toContain('semantic.rule-not-enforced');
    expect(score.reasons.join('\n')).toContain('"Notes are archived after a year"');
  });

  it('leave the score alone when the generated code enforces every rule', async () => {
    const erd = withRules([
      { entity: 'Note', field: 'body', text: 'Body must be at least 3 characters', kind: 'minLength', min: 3 },
    ]);
    const score = await modelsScore(erd);
    expect(score.reasons.join('\n')).not.toContain('semantic.rule-not-enforced');
    expect(score.category).toBe('auto-approved');
  });

  it('finds every TODO line with its position, in Python files only', () => {
    const files = [
      { path: 'core/models.py', content: 'x = 1\n    # TODO(djforge-llm): Refunds need a manager\n' },
      { path: 'README.md', content: '# TODO(djforge-llm): not code\n' },
    ];
    expect(unenforcedRuleFindings(files)).toEqual([
      expect.objectContaining({
        file: 'core/models.py',
        line: 2,
        column: 5,
        severity: 'warning',
        rule: 'semantic.rule-not-enforced',
      }),
    ]);
  });
});
