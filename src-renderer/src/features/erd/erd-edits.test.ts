import { describe, expect, it } from 'vitest';
import type { Erd } from '@shared/erd/model';
import { applyEdit, describeEdit, identityAfter, invertEdit, type ErdEdit } from './erd-edits';
import { addEntityEdit, addFieldEdit, deleteEdit, drawRelationEdit, duplicateEdit, snakeCase } from './erd-factory';

const erd: Erd = { format: 'djforge-erd', version: 1, project: { name: 'shop' }, entities: [], relations: [] };

const board: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'board' },
  entities: [
    { name: 'Company', fields: [{ name: 'name', type: 'string' }], ordering: ['-name'], displayField: 'name' },
    { name: 'Job', fields: [{ name: 'title', type: 'string' }] },
  ],
  relations: [{ name: 'company', kind: 'manyToOne', from: 'Job', to: 'Company', onDelete: 'CASCADE' }],
  auth: { roles: ['admin'], permissions: { Company: { delete: ['admin'] } } },
  rules: [{ text: 'name is short', entity: 'Company', field: 'name' }],
  layout: { positions: { Company: { x: 0, y: 0 }, Job: { x: 300, y: 0 } }, groups: [{ name: 'G', entities: ['Job'] }] },
};

/** Applies each edit, then undoes all of them in reverse: the document must come back exactly. */
function roundTrip(start: Erd, edits: ErdEdit[]): Erd[] {
  const states = [start];
  for (const e of edits) states.push(applyEdit(states.at(-1) as Erd, e, 'do'));
  let back = states.at(-1) as Erd;
  for (const e of edits.slice().reverse()) back = applyEdit(back, e, 'undo');
  expect(back).toEqual(start);
  return states;
}

describe('ERD edits', () => {
  it('rename the project and back', () => {
    const edit = { kind: 'renameProject', from: 'shop', to: 'store' } as const;
    const done = applyEdit(erd, edit, 'do');
    expect(done.project.name).toBe('store');
    expect(applyEdit(done, edit, 'undo')).toEqual(erd);
  });

  it('set a title and remove it again on undo', () => {
    const edit = { kind: 'setTitle', from: undefined, to: 'The Shop' } as const;
    const done = applyEdit(erd, edit, 'do');
    expect(done.project).toEqual({ name: 'shop', title: 'The Shop' });
    expect(applyEdit(done, edit, 'undo')).toEqual(erd);
  });

  it('renaming an entity follows relations, permissions, rules, positions and groups, and undoes exactly', () => {
    const [, renamed] = roundTrip(board, [{ kind: 'renameEntity', from: 'Company', to: 'Employer' }]);
    expect(renamed?.relations[0]?.to).toBe('Employer');
    expect(renamed?.auth?.permissions).toEqual({ Employer: { delete: ['admin'] } });
    expect(renamed?.rules?.[0]?.entity).toBe('Employer');
    expect(Object.keys(renamed?.layout?.positions ?? {})).toEqual(['Employer', 'Job']);
    expect(() => applyEdit(board, { kind: 'renameEntity', from: 'Company', to: 'Job' })).toThrow(
      'An entity named Job already exists.',
    );
  });

  it('renaming a field follows ordering, display field and rules; a taken name is refused', () => {
    const [, renamed] = roundTrip(board, [{ kind: 'renameField', entity: 'Company', from: 'name', to: 'title' }]);
    expect(renamed?.entities[0]).toMatchObject({ ordering: ['-title'], displayField: 'title' });
    expect(renamed?.rules?.[0]?.field).toBe('title');
    expect(() => applyEdit(board, { kind: 'renameField', entity: 'Job', from: 'title', to: 'company' })).toThrow(
      'Job already has a member named company.',
    );
  });

  it('adds and removes entities, fields and relations at their places', () => {
    const states = roundTrip(board, [
      addEntityEdit(board, { x: 10, y: 20 }),
      { kind: 'addField', entity: 'Job', field: { name: 'salary', type: 'decimal' }, index: 0 },
      { kind: 'removeRelation', relation: board.relations[0] as Erd['relations'][number], index: 0 },
      { kind: 'move', moves: [{ entity: 'Job', from: { x: 300, y: 0 }, to: { x: 320.4, y: 40 } }] },
    ]);
    const last = states.at(-1) as Erd;
    expect(last.entities.map((e) => e.name)).toEqual(['Company', 'Job', 'Entity']);
    expect(last.layout?.positions?.['Entity']).toEqual({ x: 10, y: 20 });
    expect(last.layout?.positions?.['Job']).toEqual({ x: 320, y: 40 });
    expect(last.entities[1]?.fields.map((f) => f.name)).toEqual(['salary', 'title']);
    expect(last.relations).toEqual([]);
    expect(() =>
      applyEdit(board, { kind: 'removeField', entity: 'Nope', field: { name: 'a', type: 'string' }, index: 0 }),
    ).toThrow('The edit names entity Nope, which the document does not have.');
  });

  it('deletes a selection (with the relations touching it) as one undoable step', () => {
    const edit = deleteEdit(board, ['Company'], []);
    expect(edit && describeEdit(edit)).toBe('Delete 2 items');
    const [, after] = roundTrip(board, [edit as ErdEdit]);
    expect(after?.entities.map((e) => e.name)).toEqual(['Job']);
    expect(after?.relations).toEqual([]);
    expect(deleteEdit(board, [], [])).toBeNull();
  });

  it('duplicates entities with the relations among them, offset and renamed', () => {
    const edit = duplicateEdit(board, ['Company', 'Job']) as ErdEdit;
    const [, after] = roundTrip(board, [edit]);
    expect(after?.entities.map((e) => e.name)).toEqual(['Company', 'Job', 'CompanyCopy', 'JobCopy']);
    expect(after?.relations.at(-1)).toMatchObject({ from: 'JobCopy', to: 'CompanyCopy', name: 'company' });
    expect(after?.layout?.positions?.['JobCopy']).toEqual({ x: 340, y: 40 });
  });

  it('names a drawn relation after its target, de-duplicated, with a sensible on_delete', () => {
    const one = drawRelationEdit(board, 'Job', 'Company', 'manyToOne');
    expect(one).toMatchObject({ relation: { name: 'company_2', kind: 'manyToOne', onDelete: 'CASCADE' } });
    expect(drawRelationEdit(board, 'Job', 'Company', 'manyToMany')).toMatchObject({
      relation: { name: 'companies', kind: 'manyToMany' },
    });
    const self = drawRelationEdit(board, 'Job', 'Job', 'manyToOne');
    expect(self).toMatchObject({ relation: { name: 'parent', nullable: true, onDelete: 'SET_NULL' } });
    expect(snakeCase('JobPosting')).toBe('job_posting');
    expect(snakeCase('HTTPRequest')).toBe('http_request');
    expect(() => drawRelationEdit(board, 'Job', 'Ghost', 'manyToOne')).toThrow('No entity Ghost to relate.');
  });

  it('gives new fields and entities free names', () => {
    const withField = applyEdit(board, addFieldEdit(board, 'Job'));
    expect(addFieldEdit(withField, 'Job')).toMatchObject({ field: { name: 'field_2' } });
    expect(addEntityEdit(applyEdit(board, addEntityEdit(board, { x: 0, y: 0 })), { x: 0, y: 0 })).toMatchObject({
      entity: { name: 'Entity2' },
    });
  });

  it('inverts a batch by inverting each step in reverse order', () => {
    const batch: ErdEdit = {
      kind: 'batch',
      label: 'two',
      edits: [
        { kind: 'renameProject', from: 'a', to: 'b' },
        { kind: 'renameProject', from: 'b', to: 'c' },
      ],
    };
    expect(invertEdit(batch)).toEqual({
      kind: 'batch',
      label: 'two',
      edits: [
        { kind: 'renameProject', from: 'c', to: 'b' },
        { kind: 'renameProject', from: 'b', to: 'a' },
      ],
    });
  });
});

describe('a replace that changes the document', () => {
  it('gives back the identity it replaced when undone, and the new one when redone', () => {
    const old = { path: '/w/a.json', file: 'a.json', name: 'a.json', format: 'djforge-erd' as const, diagnostics: [] };
    const imported = { path: null, file: null, name: 'b.dbml', format: 'dbml' as const, diagnostics: [] };
    const edit = {
      kind: 'replace' as const,
      label: 'Import' as const,
      from: erd,
      to: erd,
      identity: { from: old, to: imported },
    };
    expect(identityAfter(edit, 'do')).toEqual(imported);
    expect(identityAfter(edit, 'undo')).toEqual(old);
    expect(identityAfter(invertEdit(edit), 'do')).toEqual(old);
    expect(identityAfter({ ...edit, identity: undefined }, 'do')).toBeUndefined();
  });
});
