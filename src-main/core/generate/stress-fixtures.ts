/**
 * Normalized ERDs (native format, related names and on-delete filled in) that stress the whole
 * generator at run time: self-references, two relations to one entity, many-to-many with and
 * without `through`, one-to-one, a cycle A → B → C → A closed by a nullable link, a cycle of
 * required links (whose CRUD test must be skipped with a reason), every field type with bounds,
 * patterns and uniqueness, keyword-like names, and the less common API options.
 */
import type { Erd } from '../../../src-shared/erd/model';

/** Relations in every shape the generator supports, with JWT auth, URL versioning and roles. */
export function relationsStressErd(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'relations_stress', title: 'Relations "stress" test', apps: ['staff'] },
    entities: [
      {
        name: 'Employee',
        fields: [
          { name: 'name', type: 'string', maxLength: 80 },
          {
            name: 'type',
            type: 'enum',
            choices: [{ value: 'full-time' }, { value: 'part time' }, { value: '3rd party' }],
          },
          { name: 'order', type: 'integer', default: 0 },
          { name: 'group', type: 'string', maxLength: 12, required: false },
          { name: 'class_name', type: 'string', maxLength: 30, unique: true },
        ],
        timestamps: true,
      },
      { name: 'Department', fields: [{ name: 'title', type: 'string', unique: true }] },
      { name: 'Project', fields: [{ name: 'code', type: 'slug', unique: true }], ordering: ['code'] },
      {
        name: 'Assignment',
        fields: [{ name: 'role', type: 'string', maxLength: 40 }],
        uniqueTogether: [['project', 'employee']],
      },
      {
        name: 'Ticket',
        fields: [
          { name: 'subject', type: 'string', maxLength: 120 },
          { name: 'priority', type: 'integer', min: 1, max: 5 },
        ],
      },
      { name: 'Badge', fields: [{ name: 'label', type: 'string', maxLength: 10 }] },
      { name: 'Alpha', fields: [{ name: 'name', type: 'string' }] },
      { name: 'Beta', fields: [{ name: 'name', type: 'string' }] },
      { name: 'Gamma', fields: [{ name: 'name', type: 'string' }] },
      { name: 'Chicken', fields: [{ name: 'name', type: 'string' }] },
      { name: 'Egg', fields: [{ name: 'name', type: 'string' }] },
    ],
    relations: [
      {
        name: 'manager',
        kind: 'manyToOne',
        from: 'Employee',
        to: 'Employee',
        onDelete: 'SET_NULL',
        nullable: true,
        relatedName: 'reports',
      },
      {
        name: 'mentor',
        kind: 'manyToOne',
        from: 'Employee',
        to: 'Employee',
        onDelete: 'SET_NULL',
        nullable: true,
        relatedName: 'mentees',
      },
      { name: 'friends', kind: 'manyToMany', from: 'Employee', to: 'Employee', relatedName: 'befriended_by' },
      {
        name: 'head',
        kind: 'oneToOne',
        from: 'Department',
        to: 'Employee',
        onDelete: 'SET_NULL',
        nullable: true,
        relatedName: 'heads',
      },
      {
        name: 'members',
        kind: 'manyToMany',
        from: 'Department',
        to: 'Employee',
        relatedName: 'departments',
        required: true,
      },
      {
        name: 'staff',
        kind: 'manyToMany',
        from: 'Project',
        to: 'Employee',
        relatedName: 'projects',
        through: 'Assignment',
      },
      {
        name: 'project',
        kind: 'manyToOne',
        from: 'Assignment',
        to: 'Project',
        onDelete: 'CASCADE',
        relatedName: 'assignments',
      },
      {
        name: 'employee',
        kind: 'manyToOne',
        from: 'Assignment',
        to: 'Employee',
        onDelete: 'CASCADE',
        relatedName: 'assignments',
      },
      {
        name: 'reporter',
        kind: 'manyToOne',
        from: 'Ticket',
        to: 'Employee',
        onDelete: 'PROTECT',
        relatedName: 'reported_tickets',
      },
      {
        name: 'assignee',
        kind: 'manyToOne',
        from: 'Ticket',
        to: 'Employee',
        onDelete: 'SET_NULL',
        nullable: true,
        relatedName: 'assigned_tickets',
      },
      { name: 'owner', kind: 'oneToOne', from: 'Badge', to: 'Employee', onDelete: 'CASCADE', relatedName: 'badge' },
      { name: 'beta', kind: 'manyToOne', from: 'Alpha', to: 'Beta', onDelete: 'CASCADE', relatedName: 'alphas' },
      { name: 'gamma', kind: 'manyToOne', from: 'Beta', to: 'Gamma', onDelete: 'CASCADE', relatedName: 'betas' },
      {
        name: 'alpha',
        kind: 'manyToOne',
        from: 'Gamma',
        to: 'Alpha',
        onDelete: 'SET_NULL',
        nullable: true,
        relatedName: 'gammas',
      },
      {
        name: 'egg',
        kind: 'oneToOne',
        from: 'Chicken',
        to: 'Egg',
        onDelete: 'CASCADE',
        relatedName: 'hatched_chicken',
      },
      { name: 'chicken', kind: 'oneToOne', from: 'Egg', to: 'Chicken', onDelete: 'CASCADE', relatedName: 'laid_egg' },
    ],
    rules: [
      {
        text: 'Badge labels look like AB-12',
        entity: 'Badge',
        field: 'label',
        kind: 'pattern',
        pattern: '^[A-Z]{2}-\\d+$',
      },
    ],
    auth: {
      schemes: ['jwt', 'session'],
      roles: ['Manager', 'Clerk'],
      permissions: { Ticket: { read: ['Manager', 'Clerk'], create: ['Clerk'], delete: [] } },
      defaultAccess: 'authenticated',
    },
    api: { versioning: 'url', pagination: { pageSize: 5 } },
  };
}

/** Every field type, required and optional, with bounds, rules and uniqueness; a UUID primary key. */
export function fieldsStressErd(): Erd {
  return {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'fields_stress', description: 'Every field type', apps: ['lab'] },
    entities: [
      {
        name: 'Specimen',
        fields: [
          { name: 'id', type: 'uuid' },
          { name: 'label', type: 'string', maxLength: 12, min: 4, unique: true },
          { name: 'notes', type: 'text', required: false },
          { name: 'count', type: 'integer', min: -5, max: 5 },
          { name: 'big_count', type: 'bigInteger', unique: true },
          { name: 'ratio', type: 'float', min: 0, max: 1 },
          { name: 'cost', type: 'decimal', maxDigits: 5, decimalPlaces: 2 },
          { name: 'fraction', type: 'decimal', maxDigits: 3, decimalPlaces: 3, min: 0 },
          { name: 'is_valid', type: 'boolean' },
          { name: 'collected_on', type: 'date' },
          { name: 'collected_at', type: 'datetime' },
          { name: 'checked_at', type: 'datetime', autoNow: true },
          { name: 'window', type: 'time' },
          { name: 'shelf_life', type: 'duration' },
          { name: 'contact', type: 'email', unique: true },
          { name: 'source', type: 'url' },
          { name: 'slug', type: 'slug', unique: true, maxLength: 20 },
          { name: 'batch', type: 'uuid', unique: true },
          { name: 'data', type: 'json' },
          { name: 'report', type: 'file' },
          { name: 'photo', type: 'image' },
          { name: 'thumbnail', type: 'image', required: false },
          { name: 'kind', type: 'enum', choices: [{ value: 'a' }, { value: 'b-b' }], unique: true },
          { name: 'host', type: 'ipAddress' },
          { name: 'serial', type: 'string', maxLength: 20 },
          { name: 'lot', type: 'string', maxLength: 20, required: false },
        ],
        ordering: ['label'],
      },
      {
        name: 'Reading',
        fields: [
          { name: 'value', type: 'float' },
          { name: 'weight', type: 'decimal', maxDigits: 6, decimalPlaces: 1 },
          { name: 'quantity', type: 'integer' },
        ],
        indexes: [{ fields: ['value', 'quantity'] }],
      },
    ],
    relations: [
      {
        name: 'specimen',
        kind: 'manyToOne',
        from: 'Reading',
        to: 'Specimen',
        onDelete: 'CASCADE',
        relatedName: 'readings',
      },
    ],
    rules: [
      { text: 'Weight is positive', entity: 'Reading', field: 'weight', kind: 'positive' },
      { text: 'Value is positive', entity: 'Reading', field: 'value', kind: 'positive' },
      { text: 'Quantity 10 to 20', entity: 'Reading', field: 'quantity', kind: 'range', min: 10, max: 20 },
      {
        text: 'Serial like SN-0042-X',
        entity: 'Specimen',
        field: 'serial',
        kind: 'pattern',
        pattern: '^SN-\\d{4}-[A-Z]$',
      },
      { text: 'Lot codes use a lookahead', entity: 'Specimen', field: 'lot', kind: 'pattern', pattern: '^(?=L)L\\d+$' },
      { text: 'Cost is not negative', entity: 'Specimen', field: 'cost', kind: 'nonNegative' },
      { text: 'Notes stay short', entity: 'Specimen', field: 'notes', kind: 'maxLength', max: 200 },
    ],
    auth: { schemes: ['token'], defaultAccess: 'authenticatedOrReadOnly' },
    api: { pagination: false, search: true, ordering: true, filtering: true, openapi: false, basePath: 'rest' },
  };
}

/** All stress ERDs by name, for the runtime test and benchmarks. */
export function stressErds(): Record<string, Erd> {
  return { relations: relationsStressErd(), fields: fieldsStressErd() };
}
