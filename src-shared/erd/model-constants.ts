/**
 * The fixed vocabularies of the `djforge-erd` model, without zod, so the renderer (field type
 * pickers, relation kinds, on-delete choices) can use them without bundling the schema library.
 * `model.ts` builds its schemas from these lists and re-exports them.
 */
export const ERD_FORMAT = 'djforge-erd';
export const ERD_VERSION = 1;

export const FIELD_TYPES = [
  'string',
  'text',
  'integer',
  'bigInteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'duration',
  'email',
  'url',
  'slug',
  'uuid',
  'json',
  'file',
  'image',
  'enum',
  'ipAddress',
] as const;

export const RELATION_KINDS = ['manyToOne', 'oneToOne', 'manyToMany'] as const;

export const ON_DELETE = ['CASCADE', 'PROTECT', 'RESTRICT', 'SET_NULL', 'SET_DEFAULT', 'DO_NOTHING'] as const;

export const RULE_KINDS = [
  'positive',
  'nonNegative',
  'range',
  'minLength',
  'maxLength',
  'unique',
  'pattern',
  'custom',
] as const;

export const AUTH_SCHEMES = ['session', 'token', 'jwt'] as const;

export const CRUD_ACTIONS = ['create', 'read', 'update', 'delete'] as const;
export type CrudAction = (typeof CRUD_ACTIONS)[number];
