/**
 * Stable ids of every diagnostic the ERD importers, normalizer and validator emit. Hosts, docs and
 * tests refer to these constants instead of repeating strings, so a code can be searched for and
 * never silently changes.
 *
 * Input file:      unreadable, encoding
 * Input text:      json-syntax, empty, not-object, unknown-format, duplicate-key
 * Document shape:  schema (a zod issue on the native format), unknown-key, invalid-value
 * Conversion:      unknown-type, type-normalized, relation-notation, field-inferred,
 *                  has-many-redundant, has-many-inferred, has-many-ignored, requirement-mapped
 * Normalization:   self-reference-nullable, cycle-broken, related-name-derived, option-dropped,
 *                  user-inferred, owner-inferred, on-delete-inferred, constraint-inferred,
 *                  apps-from-groups
 * Schema import:   schema-syntax, type-approximated, construct-unmapped, statements-skipped,
 *                  name-changed, key-mapped (DBML and SQL DDL)
 * Validation:      unknown-entity, unknown-field, unknown-role, duplicate-name, keyword,
 *                  invalid-identifier, reserved-name, related-name-clash, invalid-through,
 *                  invalid-on-delete, missing-choices, invalid-choice, invalid-decimal, invalid-range,
 *                  invalid-default, conflicting-options, option-not-applicable, invalid-reference,
 *                  invalid-index-name, rule-mismatch, unsafe-text, unsafe-pattern, too-large
 */
export const ERD_CODES = {
  unreadable: 'erd.unreadable',
  encoding: 'erd.encoding',
  jsonSyntax: 'erd.json-syntax',
  empty: 'erd.empty',
  notObject: 'erd.not-object',
  unknownFormat: 'erd.unknown-format',
  duplicateKey: 'erd.duplicate-key',

  schema: 'erd.schema',
  unknownKey: 'erd.unknown-key',
  invalidValue: 'erd.invalid-value',

  unknownType: 'erd.unknown-type',
  typeNormalized: 'erd.type-normalized',
  relationNotation: 'erd.relation-notation',
  fieldInferred: 'erd.field-inferred',
  hasManyRedundant: 'erd.has-many-redundant',
  hasManyInferred: 'erd.has-many-inferred',
  hasManyIgnored: 'erd.has-many-ignored',
  requirementMapped: 'erd.requirement-mapped',

  selfReferenceNullable: 'erd.self-reference-nullable',
  cycleBroken: 'erd.cycle-broken',
  relatedNameDerived: 'erd.related-name-derived',
  optionDropped: 'erd.option-dropped',
  userInferred: 'erd.user-inferred',
  ownerInferred: 'erd.owner-inferred',
  onDeleteInferred: 'erd.on-delete-inferred',
  constraintInferred: 'erd.constraint-inferred',
  appsFromGroups: 'erd.apps-from-groups',

  unknownEntity: 'erd.unknown-entity',
  unknownField: 'erd.unknown-field',
  unknownRole: 'erd.unknown-role',
  duplicateName: 'erd.duplicate-name',
  keyword: 'erd.keyword',
  invalidIdentifier: 'erd.invalid-identifier',
  reservedName: 'erd.reserved-name',
  relatedNameClash: 'erd.related-name-clash',
  invalidThrough: 'erd.invalid-through',
  invalidOnDelete: 'erd.invalid-on-delete',
  missingChoices: 'erd.missing-choices',
  invalidChoice: 'erd.invalid-choice',
  invalidDecimal: 'erd.invalid-decimal',
  invalidRange: 'erd.invalid-range',
  invalidDefault: 'erd.invalid-default',
  conflictingOptions: 'erd.conflicting-options',
  optionNotApplicable: 'erd.option-not-applicable',
  invalidReference: 'erd.invalid-reference',
  invalidIndexName: 'erd.invalid-index-name',
  ruleMismatch: 'erd.rule-mismatch',
  unsafeText: 'erd.unsafe-text',
  unsafePattern: 'erd.unsafe-pattern',
  tooLarge: 'erd.too-large',
  schemaSyntax: 'erd.schema-syntax',
  typeApproximated: 'erd.type-approximated',
  constructUnmapped: 'erd.construct-unmapped',
  statementsSkipped: 'erd.statements-skipped',
  nameChanged: 'erd.name-changed',
  keyMapped: 'erd.key-mapped',
} as const;

export type ErdCode = (typeof ERD_CODES)[keyof typeof ERD_CODES];
