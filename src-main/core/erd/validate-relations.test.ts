import { describe, expect, it } from 'vitest';
import type { Erd, Relation } from '../../../src-shared/erd/model';
import { importErdText, validateErd } from './index';

function erd(relations: Relation[]): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'school' },
    entities: ['Student', 'Course', 'Enrollment'].map((name) => ({
      name,
      fields: [{ name: 'label', type: 'string' }],
    })),
    relations,
  };
}

const rel = (from: string, name: string, to: string, more: Partial<Relation> = {}): Relation => ({
  name,
  kind: 'manyToOne',
  from,
  to,
  onDelete: 'CASCADE',
  relatedName: `${name}_${from.toLowerCase()}s`,
  ...more,
});
const rows = (e: Erd) => validateErd(e).map((d) => [d.severity, d.code, d.path, d.message]);

describe('validateErd: relations', () => {
  it('reports relations from and to missing entities, with a suggestion', () => {
    expect(rows(erd([rel('Studnt', 'course', 'Course'), rel('Enrollment', 'course', 'Cours')]))).toEqual([
      [
        'error',
        'erd.unknown-entity',
        'relations.Studnt.course',
        'The relation Studnt.course starts at "Studnt", which is not an entity (did you mean "Student"?).',
      ],
      [
        'error',
        'erd.unknown-entity',
        'relations.Enrollment.course',
        'The relation Enrollment.course points to "Cours", which is not an entity (did you mean "Course"?).',
      ],
    ]);
  });

  it('checks relation names like field names', () => {
    expect(rows(erd([rel('Enrollment', 'pk', 'Course'), rel('Enrollment', 'for', 'Student')]))).toEqual([
      [
        'error',
        'erd.reserved-name',
        'relations.Enrollment.pk',
        'The relation name "pk" cannot be used: Django reserves "pk" as the alias of the primary key.',
      ],
      [
        'error',
        'erd.keyword',
        'relations.Enrollment.for',
        'The relation name "for" is a Python keyword and cannot be used as a name.',
      ],
    ]);
  });

  it('rejects SET_DEFAULT and SET_NULL on a link that is explicitly not nullable', () => {
    expect(
      rows(
        erd([
          rel('Enrollment', 'course', 'Course', { onDelete: 'SET_DEFAULT' }),
          rel('Enrollment', 'student', 'Student', { onDelete: 'SET_NULL', nullable: false }),
        ]),
      ),
    ).toEqual([
      [
        'error',
        'erd.invalid-on-delete',
        'relations.Enrollment.course',
        'Enrollment.course uses on_delete SET_DEFAULT, but a relation has no default: use SET_NULL, PROTECT or CASCADE.',
      ],
      [
        'error',
        'erd.conflicting-options',
        'relations.Enrollment.student',
        'Enrollment.student uses on_delete SET_NULL but is not nullable; make it nullable or choose another on_delete.',
      ],
    ]);
  });

  it('rejects user-given related names that clash with another reverse accessor or a member of the target', () => {
    const e = erd([
      rel('Enrollment', 'course', 'Course', { relatedName: 'enrollments' }),
      rel('Student', 'course', 'Course', { relatedName: 'enrollments' }),
      rel('Enrollment', 'student', 'Student', { relatedName: 'label' }),
    ]);
    expect(rows(e)).toEqual([
      [
        'error',
        'erd.related-name-clash',
        'relations.Student.course',
        'The related name "enrollments" of Student.course is already the reverse accessor of Enrollment.course on Course; give one of them another related name.',
      ],
      [
        'error',
        'erd.related-name-clash',
        'relations.Enrollment.student',
        'The related name "label" of Enrollment.student clashes with the member Student.label; choose another related name.',
      ],
    ]);
  });

  it('checks related names like field names', () => {
    expect(rows(erd([rel('Enrollment', 'course', 'Course', { relatedName: 'my-enrollments' })]))).toEqual([
      [
        'error',
        'erd.invalid-identifier',
        'relations.Enrollment.course',
        'The related name "my-enrollments" is not a valid Python identifier: use letters, digits and underscores, not starting with a digit.',
      ],
    ]);
  });
});

describe('validateErd: many-to-many through entities', () => {
  const links = [rel('Enrollment', 'student', 'Student'), rel('Enrollment', 'course', 'Course')];
  const m2m = (through: string): Relation => ({
    name: 'courses',
    kind: 'manyToMany',
    from: 'Student',
    to: 'Course',
    through,
    relatedName: 'students',
  });

  it('accepts a through entity with one foreign key to each side', () => {
    expect(validateErd(erd([...links, m2m('Enrollment')]))).toEqual([]);
  });

  it('rejects a missing through entity, one of the ends, and one without both foreign keys', () => {
    expect(rows(erd([links[0] as Relation, m2m('Enrolment')]))).toEqual([
      [
        'error',
        'erd.invalid-through',
        'relations.Student.courses',
        'The through entity "Enrolment" of Student.courses does not exist (did you mean "Enrollment"?).',
      ],
    ]);
    expect(rows(erd([m2m('Course')]))).toEqual([
      [
        'error',
        'erd.invalid-through',
        'relations.Student.courses',
        'Student.courses cannot use one of its own ends, "Course", as its through entity.',
      ],
    ]);
    expect(rows(erd([links[0] as Relation, m2m('Enrollment')]))).toEqual([
      [
        'error',
        'erd.invalid-through',
        'relations.Student.courses',
        'The through entity "Enrollment" of Student.courses must have exactly one foreign key to Student and one to Course.',
      ],
    ]);
  });

  it('rejects a through entity on a relation that is not many-to-many', () => {
    expect(rows(erd([rel('Enrollment', 'course', 'Course', { through: 'Student' })]))).toEqual([
      [
        'error',
        'erd.option-not-applicable',
        'relations.Enrollment.course',
        'Only a many-to-many relation can have a through entity; Enrollment.course is manyToOne.',
      ],
    ]);
  });
});

describe('validation diagnostics carry the line:column of the native source', () => {
  it('locates relation and field problems found after import', () => {
    const text = `{
  "format": "djforge-erd",
  "version": 1,
  "project": { "name": "school" },
  "entities": [
    { "name": "Student", "fields": [
      { "name": "import", "type": "string" },
      { "name": "grade", "type": "decimal", "maxDigits": 2, "decimalPlaces": 3 }
    ] }
  ],
  "relations": [
    { "name": "course", "kind": "manyToOne", "from": "Student", "to": "Course" }
  ]
}`;
    const result = importErdText(text, 'school.json');
    expect(result.erd).toBeNull();
    const problems = result.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => [d.code, d.path, d.line, d.column, d.file])).toEqual([
      ['erd.keyword', 'entities.Student.fields.import', 7, 7, 'school.json'],
      ['erd.invalid-decimal', 'entities.Student.fields.grade', 8, 7, 'school.json'],
      ['erd.unknown-entity', 'relations.Student.course', 12, 5, 'school.json'],
    ]);
  });
});
