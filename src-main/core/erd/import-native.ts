/**
 * The native `djforge-erd` v1 document, checked with the shared zod schema. Every zod issue becomes
 * a diagnostic whose path names entities and fields by name; properties the schema does not know
 * (a misspelt `maxlength`) are reported as warnings instead of vanishing.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ErdSchema, FIELD_TYPES } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import type { ImporterOutput } from './importer';
import { entityPath, error, fieldPath, q, relationPath, segment, warning } from './report';
import { isRecord } from './json-text';
import type { SourceMap } from './source-map';
import { didYouMean } from './suggest';

type JsonSchemaNode = {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  additionalProperties?: unknown;
};

let cachedSchema: JsonSchemaNode | undefined;
function erdJsonSchema(): JsonSchemaNode {
  cachedSchema ??= z.toJSONSchema(ErdSchema) as JsonSchemaNode;
  return cachedSchema;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The readable path of a JSON pointer into a native document: indexes become names where known. */
export function nativePath(root: unknown, pointer: readonly PropertyKey[]): string {
  let path = '';
  let node: unknown = root;
  let parentKey: PropertyKey | undefined;
  for (const key of pointer) {
    if (typeof key === 'number' && Array.isArray(node)) {
      const item: unknown = node[key];
      const name = isRecord(item) ? str(item.name) : undefined;
      const from = isRecord(item) ? str(item.from) : undefined;
      if (parentKey === 'relations' && name !== undefined && from !== undefined && path === '.relations') {
        path = `.${relationPath(from, name, key)}`;
      } else if ((parentKey === 'entities' || parentKey === 'fields') && name !== undefined) {
        path += segment(name, key);
      } else {
        path += `[${key}]`;
      }
      node = item;
    } else {
      path += `.${String(key)}`;
      node = isRecord(node) ? node[String(key)] : undefined;
    }
    parentKey = key;
  }
  return path.replace(/^\./, '');
}

function walkUnknownKeys(
  value: unknown,
  schema: JsonSchemaNode,
  pointer: (string | number)[],
  root: unknown,
  out: Diagnostic[],
): void {
  const branch = schema.anyOf?.find((s) =>
    isRecord(value) ? s.properties !== undefined : Array.isArray(value) ? s.items !== undefined : false,
  );
  if (branch !== undefined) return walkUnknownKeys(value, branch, pointer, root, out);
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => walkUnknownKeys(item, schema.items as JsonSchemaNode, [...pointer, i], root, out));
    return;
  }
  if (!isRecord(value)) return;
  if (schema.properties === undefined) {
    if (isRecord(schema.additionalProperties)) {
      for (const [k, v] of Object.entries(value))
        walkUnknownKeys(v, schema.additionalProperties as JsonSchemaNode, [...pointer, k], root, out);
    }
    return;
  }
  const known = Object.keys(schema.properties);
  for (const [k, v] of Object.entries(value)) {
    const child = schema.properties[k];
    if (child !== undefined) {
      walkUnknownKeys(v, child, [...pointer, k], root, out);
      continue;
    }
    const path = nativePath(root, [...pointer, k]);
    out.push(warning(ERD_CODES.unknownKey, path, `Unknown property ${q(k)} is ignored${didYouMean(k, known)}.`));
  }
}

function issueDiagnostic(root: unknown, issue: z.core.$ZodIssue): Diagnostic {
  const path = nativePath(root, issue.path);
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_value' && last === 'type' && issue.path.includes('fields')) {
    const given = issue.path.reduce<unknown>(
      (node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined),
      root,
    );
    if (given === undefined) {
      return error(ERD_CODES.schema, path, `"${path}": a field type is required, one of ${FIELD_TYPES.join(', ')}.`);
    }
    const raw = typeof given === 'string' ? given : JSON.stringify(given);
    return error(
      ERD_CODES.unknownType,
      path,
      `Unknown field type ${q(raw)}${didYouMean(raw, FIELD_TYPES)}; expected one of ${FIELD_TYPES.join(', ')}.`,
    );
  }
  const where = path === '' ? 'The document' : `"${path}"`;
  const message = issue.message.replace(/\.$/, '');
  return error(
    ERD_CODES.schema,
    path === '' ? undefined : path,
    `${where}: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`,
  );
}

/** Records where every entity, field and relation of a native document starts. */
function recordOrigins(root: Record<string, unknown>, map: SourceMap): void {
  const entities = Array.isArray(root.entities) ? root.entities : [];
  entities.forEach((e: unknown, i) => {
    const name = isRecord(e) ? str(e.name) : undefined;
    if (name === undefined || !isRecord(e)) return;
    map.record(entityPath(name, i), ['entities', i]);
    const fields = Array.isArray(e.fields) ? e.fields : [];
    fields.forEach((f: unknown, j) => {
      const fieldName = isRecord(f) ? str(f.name) : undefined;
      if (fieldName !== undefined) map.record(fieldPath(name, fieldName, j, i), ['entities', i, 'fields', j]);
    });
  });
  const relations = Array.isArray(root.relations) ? root.relations : [];
  relations.forEach((r: unknown, k) => {
    const from = isRecord(r) ? str(r.from) : undefined;
    const name = isRecord(r) ? str(r.name) : undefined;
    if (from !== undefined && name !== undefined) map.record(relationPath(from, name, k), ['relations', k]);
  });
}

/** A native document checked against the zod schema; null when the schema rejects it. */
export function importNative(root: Record<string, unknown>, map: SourceMap): ImporterOutput {
  recordOrigins(root, map);
  const diagnostics: Diagnostic[] = [];
  walkUnknownKeys(root, erdJsonSchema(), [], root, diagnostics);
  const parsed = ErdSchema.safeParse(root);
  if (!parsed.success) {
    diagnostics.push(...parsed.error.issues.map((issue) => issueDiagnostic(root, issue)));
    return { erd: null, diagnostics };
  }
  return { erd: parsed.data, diagnostics };
}
