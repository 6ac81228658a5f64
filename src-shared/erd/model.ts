/**
 * The `djforge-erd` v1 document: the one data model every importer produces, the editor edits,
 * and the generator reads. Plain serialisable data, described once with zod so that every process
 * (main, renderer, web host, CLI) parses what crosses a boundary with the same schema, and the
 * published JSON Schema (`resources/erd.schema.json`) is derived from it.
 */
import { z } from 'zod';
import {
  ERD_FORMAT,
  ERD_VERSION,
  FIELD_TYPES,
  RELATION_KINDS,
  ON_DELETE,
  RULE_KINDS,
  AUTH_SCHEMES,
  CRUD_ACTIONS,
} from './model-constants';

export { ERD_FORMAT, ERD_VERSION, FIELD_TYPES, RELATION_KINDS, ON_DELETE, RULE_KINDS, AUTH_SCHEMES, CRUD_ACTIONS };
export type { CrudAction } from './model-constants';

export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const RelationKindSchema = z.enum(RELATION_KINDS);
export type RelationKind = z.infer<typeof RelationKindSchema>;

export const OnDeleteSchema = z.enum(ON_DELETE);
export type OnDelete = z.infer<typeof OnDeleteSchema>;

export const ChoiceSchema = z.object({
  value: z.string().min(1).describe('Stored value'),
  label: z.string().optional().describe('Human-readable label; defaults to a title-cased value'),
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const DefaultValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FieldSchema = z.object({
  name: z.string().min(1).describe('Python attribute name (snake_case)'),
  type: FieldTypeSchema,
  required: z.boolean().optional().describe('false → blank=True (the API accepts it empty). Default true'),
  nullable: z.boolean().optional().describe('null=True in the database. Default false'),
  unique: z.boolean().optional(),
  index: z.boolean().optional().describe('db_index=True'),
  default: DefaultValueSchema.optional(),
  maxLength: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('string/email/url/slug/file/image; default 255 (slug 50, url 200)'),
  min: z.number().optional().describe('Inclusive minimum (numbers) or minimum length (strings)'),
  max: z.number().optional().describe('Inclusive maximum (numbers)'),
  maxDigits: z.number().int().positive().optional().describe('decimal only; default 12'),
  decimalPlaces: z.number().int().min(0).optional().describe('decimal only; default 2'),
  choices: z.array(ChoiceSchema).optional().describe('enum only (also allowed on string)'),
  autoNow: z.boolean().optional().describe('datetime/date: set on every save'),
  autoNowAdd: z.boolean().optional().describe('datetime/date: set on creation'),
  helpText: z.string().optional(),
  verboseName: z.string().optional(),
  dbColumn: z
    .string()
    .optional()
    .describe("The column's name in an existing database (db_column); default the field's name"),
  primaryKey: z
    .boolean()
    .optional()
    .describe(
      "This field is the table's primary key (primary_key=True) instead of Django's automatic id; at most one per entity, never nullable",
    ),
  autoIncrement: z
    .boolean()
    .optional()
    .describe(
      'integer/bigInteger primary key: the database numbers new rows (AutoField/BigAutoField); otherwise the client supplies the key on create',
    ),
});
export type Field = z.infer<typeof FieldSchema>;

export const IndexSchema = z.object({
  fields: z.array(z.string().min(1)).min(1),
  name: z.string().optional(),
});
export type Index = z.infer<typeof IndexSchema>;

export const EntitySchema = z.object({
  name: z.string().min(1).describe('Model class name (PascalCase)'),
  app: z.string().optional().describe('Django app label; default: the first app'),
  description: z.string().optional(),
  verboseName: z.string().optional(),
  verboseNamePlural: z.string().optional(),
  fields: z.array(FieldSchema),
  ordering: z.array(z.string()).optional().describe('Meta.ordering, e.g. ["-created_at"]; default ["-id"]'),
  uniqueTogether: z.array(z.array(z.string()).min(2)).optional(),
  indexes: z.array(IndexSchema).optional(),
  timestamps: z.boolean().optional().describe('Add created_at/updated_at when the entity lacks them'),
  displayField: z.string().optional().describe('Field used by __str__; default: the first of name/title/…'),
  isUser: z
    .boolean()
    .optional()
    .describe(
      'This entity is the login user: a custom AbstractUser model (AUTH_USER_MODEL) in the users app. Inferred for User/Member/Account/Customer with login fields; false opts out',
    ),
  dbTable: z
    .string()
    .optional()
    .describe("The table's name in an existing database (Meta.db_table); default Django's <app>_<model>"),
});
export type Entity = z.infer<typeof EntitySchema>;

export const RelationSchema = z.object({
  name: z.string().min(1).describe('Field name on the `from` entity'),
  kind: RelationKindSchema,
  from: z.string().min(1),
  to: z.string().min(1),
  onDelete: OnDeleteSchema.optional().describe('manyToOne/oneToOne; default CASCADE (SET_NULL when nullable)'),
  relatedName: z.string().optional().describe('Reverse accessor on `to`; derived when absent'),
  nullable: z.boolean().optional().describe('manyToOne/oneToOne: null=True, blank=True'),
  required: z.boolean().optional().describe('manyToMany: false → blank=True. Default false for manyToMany'),
  through: z.string().optional().describe('manyToMany: name of an entity used as the through model'),
  owner: z
    .boolean()
    .optional()
    .describe(
      'manyToOne/oneToOne to the user: the row belongs to this user (set from the request, only the owner or staff change it). Inferred for required links named owner/author/user/created_by/…; false opts out',
    ),
  helpText: z.string().optional(),
  dbColumn: z
    .string()
    .optional()
    .describe(
      "manyToOne/oneToOne: the foreign key column's name in an existing database (db_column); default <name>_id",
    ),
  dbTable: z
    .string()
    .optional()
    .describe(
      "manyToMany without through: the join table's name in an existing database (db_table); its columns are Django's <model>_id",
    ),
});
export type Relation = z.infer<typeof RelationSchema>;

export const BusinessRuleSchema = z.object({
  text: z.string().min(1).describe('The rule as the user wrote it'),
  entity: z.string().optional(),
  field: z.string().optional(),
  kind: z
    .enum(RULE_KINDS)
    .optional()
    .describe('Structured form; derived from the text when absent. custom → TODO for the LLM engine'),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().optional(),
});
export type BusinessRule = z.infer<typeof BusinessRuleSchema>;

export const EntityPermissionsSchema = z.object({
  create: z.array(z.string()).optional(),
  read: z.array(z.string()).optional(),
  update: z.array(z.string()).optional(),
  delete: z.array(z.string()).optional(),
});
export type EntityPermissions = z.infer<typeof EntityPermissionsSchema>;

export const AuthSchema = z.object({
  schemes: z.array(z.enum(AUTH_SCHEMES)).optional().describe('Default ["session", "token"]'),
  roles: z.array(z.string()).optional().describe('Role names; generated as Django groups'),
  permissions: z.record(z.string(), EntityPermissionsSchema).optional().describe('Entity name → action → roles'),
  defaultAccess: z
    .enum(['authenticated', 'authenticatedOrReadOnly', 'public'])
    .optional()
    .describe('For entities without explicit permissions; default authenticated'),
});
export type Auth = z.infer<typeof AuthSchema>;

export const ApiOptionsSchema = z.object({
  pagination: z
    .union([z.boolean(), z.object({ pageSize: z.number().int().positive() })])
    .optional()
    .describe('Default true, page size 20'),
  filtering: z.boolean().optional().describe('django-filter FilterSets; default true'),
  search: z.boolean().optional().describe('SearchFilter on text fields; default true'),
  ordering: z.boolean().optional().describe('OrderingFilter; default true'),
  versioning: z.enum(['none', 'url']).optional().describe('url → /api/v1/…; default none'),
  openapi: z.boolean().optional().describe('drf-spectacular schema + Swagger UI; default true'),
  basePath: z.string().optional().describe('Default "api"'),
});
export type ApiOptions = z.infer<typeof ApiOptionsSchema>;

export const PointSchema = z.object({ x: z.number(), y: z.number() });
export const LayoutSchema = z.object({
  positions: z.record(z.string(), PointSchema).optional(),
  colors: z.record(z.string(), z.string()).optional(),
  groups: z
    .array(z.object({ name: z.string(), entities: z.array(z.string()), color: z.string().optional() }))
    .optional(),
});
export type Layout = z.infer<typeof LayoutSchema>;

export const ProjectSchema = z.object({
  name: z.string().min(1).describe('Django project package name (snake_case)'),
  title: z.string().optional().describe('Human-readable title for README and API docs'),
  description: z.string().optional(),
  apps: z.array(z.string().min(1)).min(1).optional().describe('Django app labels; default ["core"]'),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ErdSchema = z.object({
  format: z.literal(ERD_FORMAT),
  version: z.literal(ERD_VERSION),
  project: ProjectSchema,
  entities: z.array(EntitySchema),
  relations: z.array(RelationSchema),
  rules: z.array(BusinessRuleSchema).optional(),
  auth: AuthSchema.optional(),
  api: ApiOptionsSchema.optional(),
  instructions: z.string().optional().describe('Free-form requirements for the LLM engine'),
  layout: LayoutSchema.optional().describe('Diagram geometry; ignored by generation'),
});
export type Erd = z.infer<typeof ErdSchema>;
