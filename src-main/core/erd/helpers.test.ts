import { describe, expect, it } from 'vitest';
import { inferRuleKind } from './business-rules';
import { lookupFieldType } from './field-types';
import { pluralize, projectNameFromFile, snakeCase } from './naming';
import { parseRelationNotation } from './relation-notation';
import { entityPath, fieldPath, pathSegments, quotedList, relationPath } from './report';
import { closestName, didYouMean } from './suggest';

describe('naming', () => {
  it.each([
    ['OrderItem', 'order_item'],
    ['HTTPLog', 'http_log'],
    ['user2Profile', 'user2_profile'],
    ['Job-Board', 'job_board'],
  ])('snakeCase(%s) = %s', (input, output) => expect(snakeCase(input)).toBe(output));

  it.each([
    ['category', 'categories'],
    ['address', 'addresses'],
    ['analysis', 'analyses'],
    ['analytics', 'analytics'],
    ['box', 'boxes'],
    ['day', 'days'],
    ['order_item', 'order_items'],
  ])('pluralize(%s) = %s', (input, output) => expect(pluralize(input)).toBe(output));

  it.each([
    ['seed-legacy-jobboard.json', 'jobboard'],
    ['/tmp/x/seed-v2-jobboard.json', 'jobboard'],
    ['C:\\erd\\My Shop.json', 'my_shop'],
    ['2024-plan.json', 'project_2024_plan'],
    ['json.json', 'json_project'],
    ['core.json', 'core_project'],
    ['.json', 'project'],
  ])('projectNameFromFile(%s) = %s', (input, output) => expect(projectNameFromFile(input)).toBe(output));
});

describe('field types', () => {
  it('maps Django classes exactly, or case-insensitively with a models. prefix', () => {
    expect(lookupFieldType('CharField', 'django')).toEqual({
      ok: true,
      mapping: { type: 'string' },
      canonical: 'CharField',
      exact: true,
    });
    expect(lookupFieldType('models.charfield', 'django')).toEqual({
      ok: true,
      mapping: { type: 'string' },
      canonical: 'CharField',
      exact: false,
    });
    expect(lookupFieldType('PositiveIntegerField', 'django')).toMatchObject({ mapping: { type: 'integer', min: 0 } });
  });

  it('accepts short names only in the later seed vocabulary', () => {
    expect(lookupFieldType('str', 'short')).toMatchObject({ ok: true, mapping: { type: 'string' } });
    expect(lookupFieldType('DecimalField', 'short')).toMatchObject({ ok: true, mapping: { type: 'decimal' } });
    expect(lookupFieldType('str', 'django')).toMatchObject({ ok: false });
  });

  it('suggests the closest known type', () => {
    expect(lookupFieldType('Integer', 'django')).toMatchObject({ ok: false, suggestion: 'IntegerField' });
    expect(lookupFieldType('Blob', 'django')).toEqual({
      ok: false,
      accepted: expect.arrayContaining(['CharField']) as unknown,
    });
  });
});

describe('suggest', () => {
  it('offers a candidate only when it is a likely typo', () => {
    expect(closestName('Usr', ['User', 'Job'])).toBe('User');
    expect(closestName('Email', ['EmailField', 'URLField'])).toBe('EmailField');
    expect(closestName('Completely', ['User'])).toBeUndefined();
    expect(didYouMean('Jobs', ['Job'])).toBe(' (did you mean "Job"?)');
    expect(didYouMean('zzz', ['Job'])).toBe('');
  });
});

describe('relation notation', () => {
  it.each([
    ['ForeignKey:User', { kind: 'manyToOne', target: 'User', ignored: [] }],
    ['OneToOneField: User', { kind: 'oneToOne', target: 'User', ignored: [] }],
    ['ManyToManyField:Tag', { kind: 'manyToMany', target: 'Tag', ignored: [] }],
    ['ForeignKey(User)', { kind: 'manyToOne', target: 'User', ignored: [] }],
    ['models.ForeignKey("self", null=True)', { kind: 'manyToOne', target: 'self', nullable: true, ignored: [] }],
    [
      "ManyToManyField('Tag', through='Tagging', blank=True)",
      { kind: 'manyToMany', target: 'Tag', through: 'Tagging', ignored: ['blank=True'] },
    ],
  ])('reads %s', (raw, value) => {
    expect(parseRelationNotation(raw)).toEqual({ ok: true, value });
  });

  it('returns null for plain field types so they can be looked up', () => {
    expect(parseRelationNotation('CharField')).toBeNull();
    expect(parseRelationNotation('ForeignKeyField')).toBeNull();
  });

  it.each([
    ['ForeignKey:', 'the target entity is missing'],
    ['ForeignKey', 'the target entity is missing'],
    ['ForeignKey(auth.User)', 'the target "auth.User" is not an entity name'],
    [
      'ForeignKey(User, on_delete=models.EXPLODE)',
      'on_delete=models.EXPLODE is not one of CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING',
    ],
    ['ForeignKey(User, null=maybe)', 'null=maybe must be True or False'],
    ['ForeignKey(User, True)', 'the argument "True" must be written as name=value'],
  ])('rejects %s', (raw, why) => {
    const parsed = parseRelationNotation(raw);
    expect(parsed?.ok === false && parsed.message).toContain(why);
  });
});

describe('business rule sentences', () => {
  it.each([
    ['Job salary must be positive', { kind: 'positive' }],
    ['Price should be greater than 0', { kind: 'positive' }],
    ['Stock cannot be negative', { kind: 'nonNegative' }],
    ['Rating must be between 5 and 1', { kind: 'range', min: 1, max: 5 }],
    ['Discount between -10.5 and 20', { kind: 'range', min: -10.5, max: 20 }],
    ['Password at least 8 characters', { kind: 'minLength', min: 8 }],
    ['Bio of at most 500 characters', { kind: 'maxLength', max: 500 }],
    ['Email must be unique', { kind: 'unique' }],
    ['User can only post active jobs', { kind: 'custom' }],
  ])('%s', (text, shape) => expect(inferRuleKind(text)).toEqual(shape));
});

describe('report paths', () => {
  it('names things when the name reads well and uses indexes otherwise', () => {
    expect(entityPath('Job', 3)).toBe('entities.Job');
    expect(entityPath('Job Offer', 3)).toBe('entities[3]');
    expect(fieldPath('Job', 'salary', 1, 0)).toBe('entities.Job.fields.salary');
    expect(relationPath('Job', 'a.b', 4)).toBe('relations[4]');
    expect(pathSegments('entities.Job.fields[2].type')).toEqual(['entities', 'Job', 'fields', 2, 'type']);
    expect(quotedList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
  });
});
