import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../../src-shared/erd/model';
import { normalizeErd, validateErd } from '../erd';
import { generateProject } from './index';
import { fieldsStressErd, relationsStressErd, stressErds } from './stress-fixtures';

describe('stress ERDs', () => {
  it('are valid ERDs', () => {
    for (const [name, erd] of Object.entries(stressErds())) {
      expect(
        validateErd(erd).filter((d) => d.severity === 'error'),
        name,
      ).toEqual([]);
    }
  });

  it('use every field type', () => {
    const types = new Set(fieldsStressErd().entities.flatMap((e) => e.fields.map((f) => f.type)));
    expect([...FIELD_TYPES].filter((t) => !types.has(t))).toEqual([]);
  });

  it('hold every relation shape and keyword-like names', () => {
    const erd = relationsStressErd();
    const shapes = erd.relations.map(
      (r) => `${r.kind}${r.through === undefined ? '' : '+through'}${r.from === r.to ? '+self' : ''}`,
    );
    expect(new Set(shapes)).toEqual(
      new Set(['manyToOne', 'manyToOne+self', 'manyToMany+self', 'oneToOne', 'manyToMany', 'manyToMany+through']),
    );
    const ticketLinks = erd.relations.filter((r) => r.from === 'Ticket' && r.to === 'Employee').map((r) => r.name);
    expect(ticketLinks).toEqual(['reporter', 'assignee']);
    const employee = erd.entities.find((e) => e.name === 'Employee');
    expect(employee?.fields.map((f) => f.name)).toEqual(['name', 'type', 'order', 'group', 'class_name']);
  });

  it('lose their skipped test once normalization breaks the required cycle', () => {
    const raw = generateProject(relationsStressErd()).find((f) => f.path === 'staff/tests.py')?.content ?? '';
    expect(raw.match(/@skip\(/g)?.length).toBe(2);
    const { erd, diagnostics } = normalizeErd(relationsStressErd());
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const normalized = generateProject(erd).find((f) => f.path === 'staff/tests.py')?.content ?? '';
    expect(normalized).not.toContain('@skip(');
  });
});
