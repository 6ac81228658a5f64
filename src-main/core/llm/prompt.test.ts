import { describe, expect, it } from 'vitest';
import { nextShrinkLevel, topLevelNames, unitMessages, type UnitPromptInput } from './prompt';

const input: UnitPromptInput = {
  unitId: 'serializers:core:Job',
  agent: 'serializers',
  file: 'core/serializers.py',
  entity: 'Job',
  task: 'Refine the serializer.',
  wholeFile: false,
  language: 'python',
  draft: 'class JobSerializer(serializers.ModelSerializer):\n    pass',
  slice: { entity: { name: 'Job' } },
  dependencies: [{ unitId: 'models:core:Job', code: 'class Job(models.Model):\n    pass' }],
  rules: ['Salary must be positive'],
  instructions: 'Use UUID keys',
};

describe('unitMessages', () => {
  it('carries the task, draft, slice, dependencies, rules and instructions', () => {
    const [system, user] = unitMessages(input);
    expect(system?.role).toBe('system');
    expect(user?.content).toContain('unit serializers:core:Job (entity Job).');
    expect(user?.content).toContain('## Deterministic draft\n```python\nclass JobSerializer');
    expect(user?.content).toContain('### models:core:Job');
    expect(user?.content).toContain('- Salary must be positive');
    expect(user?.content).toContain('## User instructions\nUse UUID keys');
  });

  it('drops dependencies, then the slice, then rules and instructions, never the draft', () => {
    const at = (level: number) => unitMessages(input, level)[1]?.content ?? '';
    expect(at(1)).not.toContain('### models:core:Job');
    expect(at(1)).toContain('## ERD slice');
    expect(at(2)).not.toContain('## ERD slice');
    expect(at(2)).toContain('Salary must be positive');
    expect(at(3)).not.toContain('Salary must be positive');
    expect(at(3)).toContain('class JobSerializer');
  });

  it('skips shrink levels that would remove nothing', () => {
    expect(nextShrinkLevel(input, 0)).toBe(1);
    const bare = { ...input, dependencies: [], rules: [], instructions: ' ' };
    expect(nextShrinkLevel(bare, 0)).toBe(2);
    expect(nextShrinkLevel(bare, 2)).toBeNull();
  });

  it('fences a draft that itself contains a fence with a longer one', () => {
    const content = unitMessages({ ...input, draft: 'DOC = """```x```"""' })[1]?.content ?? '';
    expect(content).toContain('````python\nDOC = """```x```"""\n````');
  });
});

describe('topLevelNames', () => {
  it('lists classes, functions and assignments at column 0 only', () => {
    expect(
      topLevelNames('X: int = 1\nclass A:\n    b = 2\n    def m(self): ...\nasync def f():\n    pass\ny == 3\n'),
    ).toEqual(['X', 'A', 'f']);
  });
});
