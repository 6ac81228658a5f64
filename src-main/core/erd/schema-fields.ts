/**
 * One database column → one `djforge-erd` field: type, length and precision, NOT NULL, UNIQUE,
 * the default (literals kept, `now()` becoming "set on creation", other expressions reported)
 * and the column's comment as help text. What cannot be kept is reported against the column.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Field } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { checkFieldOptions } from './field-checks';
import { info, q } from './report';
import type { ColumnDefault, SchemaColumn, SourcePosition } from './schema-model';
import { mapColumnType } from './schema-types';

/** A diagnostic placed at a construct of the source text. */
export function at(d: Diagnostic, position: SourcePosition | undefined): Diagnostic {
  return position === undefined ? d : { ...d, line: position.line, column: position.column };
}

const NOW =
  /^(now\(\)|current_timestamp(\(\d*\))?|getdate\(\)|sysdatetime\(\)|localtimestamp|current_date|transaction_timestamp\(\)|statement_timestamp\(\)|clock_timestamp\(\)|getutcdate\(\))$/i;
const SEQUENCE = /^nextval\(/i;

/** Builds the field for `column`; `where` names it in messages (`users.email`). */
export function columnToField(
  column: SchemaColumn,
  name: string,
  where: string,
  enumValues: readonly string[] | undefined,
  notes: Diagnostic[],
): Field {
  const mapped = mapColumnType(column.type, enumValues ?? column.type.values);
  const field: Field = { name, ...mapped.field };
  if (mapped.approximation !== undefined)
    notes.push(at(info(ERD_CODES.typeApproximated, undefined, `${where}: ${mapped.approximation}.`), column.at));
  const values = enumValues ?? (field.type === 'enum' ? column.type.values : undefined);
  if (field.type === 'enum' && values !== undefined)
    field.choices = [...new Set(values.filter((v) => v !== ''))].map((value) => ({ value }));
  if (column.notNull !== true && !column.pk) {
    field.nullable = true;
    field.required = false;
  }
  if (column.unique) field.unique = true;
  if (column.note !== undefined && column.note.trim() !== '') field.helpText = column.note.trim();
  if (column.default !== undefined) applyDefault(field, column.default, where, column.at, notes);
  return field;
}

function applyDefault(
  field: Field,
  value: ColumnDefault,
  where: string,
  position: SourcePosition | undefined,
  notes: Diagnostic[],
): void {
  if (value.kind === 'null') return;
  if (value.kind === 'expression') {
    const text = value.text.trim();
    if (NOW.test(text) && (field.type === 'datetime' || field.type === 'date')) {
      field.autoNowAdd = true;
      return;
    }
    if (SEQUENCE.test(text)) return;
    notes.push(
      at(
        info(
          ERD_CODES.constructUnmapped,
          undefined,
          `${where}: the default expression ${q(text)} has no Django equivalent and is left to the database; the field gets no default.`,
        ),
        position,
      ),
    );
    return;
  }
  let candidate: string | number | boolean = value.value;
  if (field.type === 'boolean' && value.kind !== 'boolean') {
    const text = String(value.value).toLowerCase();
    if (['1', 'true', 't', 'yes', 'y'].includes(text)) candidate = true;
    else if (['0', 'false', 'f', 'no', 'n'].includes(text)) candidate = false;
  }
  if (value.kind === 'string' && field.type === 'datetime' && NOW.test(value.value)) {
    field.autoNowAdd = true;
    return;
  }
  field.default = candidate;
  const problem = checkFieldOptions(field, '').find((d) => d.code === ERD_CODES.invalidDefault);
  if (problem === undefined) return;
  delete field.default;
  notes.push(
    at(
      info(
        ERD_CODES.constructUnmapped,
        undefined,
        `${where}: the default ${JSON.stringify(value.value)} does not fit a ${field.type} field and is dropped.`,
      ),
      position,
    ),
  );
}
