/**
 * Which of the three ERD formats a JSON document is, decided by its content alone (never by the
 * file name): native documents say `"format": "djforge-erd"`; the seed's later format has `erd`
 * (or its requirement sections); anything else that maps names to objects is the flat format.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_FORMAT } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { error } from './report';
import { isRecord } from './json-text';

/**
 * The formats the importers read; reported back so hosts can say what they imported. The JSON
 * ones are told apart here; the schema languages by `source-format.ts`.
 */
export type ErdFormat = 'djforge-erd' | 'seed-legacy' | 'seed-v2' | 'dbml' | 'postgres' | 'mysql' | 'sqlite' | 'mssql';

export type Detection =
  { ok: true; format: ErdFormat; root: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

const V2_KEYS = ['erd', 'business_rules', 'auth_requirements', 'api_requirements'];

/** The format of a parsed document, or an error diagnostic saying why none fits. Never throws. */
export function detectFormat(value: unknown): Detection {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return {
      ok: false,
      diagnostic: error(ERD_CODES.notObject, undefined, `The ERD must be a JSON object, but the file holds ${what}.`),
    };
  }
  if ('format' in value) {
    if (value.format === ERD_FORMAT) return { ok: true, format: 'djforge-erd', root: value };
    return {
      ok: false,
      diagnostic: error(
        ERD_CODES.unknownFormat,
        'format',
        `The format ${JSON.stringify(value.format)} is not supported; expected "${ERD_FORMAT}".`,
      ),
    };
  }
  if (Array.isArray(value.entities) && Array.isArray(value.relations))
    return { ok: true, format: 'djforge-erd', root: value };
  if (V2_KEYS.some((k) => k in value)) return { ok: true, format: 'seed-v2', root: value };
  const notEntity = Object.entries(value).find(([, v]) => !isRecord(v));
  if (notEntity === undefined) return { ok: true, format: 'seed-legacy', root: value };
  return {
    ok: false,
    diagnostic: error(
      ERD_CODES.unknownFormat,
      notEntity[0],
      `Cannot tell the ERD format: ${JSON.stringify(notEntity[0])} is not an entity object. Expected a "djforge-erd" document, ` +
        '{"erd": {"entities": …}} or {"Entity": {"field": "CharField"}}.',
    ),
  };
}
