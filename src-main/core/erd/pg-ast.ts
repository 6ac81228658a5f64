/**
 * Reading PostgreSQL parse trees (libpg-query's JSON, PostgreSQL's own parser) into the schema
 * model's pieces: qualified names, column types with their modifiers, and default expressions.
 * Offsets in the tree are UTF-8 byte offsets; `ByteLines` turns them into line:column.
 */
import type { ColumnDefault, ColumnType, SourcePosition } from './schema-model';

/** A node of the parse tree: `{ "KindName": { …fields } }`. */
export type PgNode = Record<string, unknown>;

/** The fields of `node` when it is of `kind`, else undefined. */
export function nodeOf(node: unknown, kind: string): PgNode | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const inner = (node as PgNode)[kind];
  return inner !== null && typeof inner === 'object' ? (inner as PgNode) : undefined;
}

/** The list field `key` of `node` (absent → empty). */
export function listOf(node: PgNode | undefined, key: string): unknown[] {
  const value = node?.[key];
  return Array.isArray(value) ? value : [];
}

/** `[String{sval:"public"}, String{sval:"film"}]` → ["public", "film"]. */
export function strings(list: readonly unknown[]): string[] {
  return list.map((n) => nodeOf(n, 'String')?.sval).filter((s): s is string => typeof s === 'string');
}

export const textOf = (node: PgNode | undefined, key: string): string | undefined => {
  const v = node?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** A TypeName node → the schema model's column type (`pg_catalog.` dropped, `int4` kept as written). */
export function columnTypeOf(typeName: PgNode | undefined): ColumnType {
  const names = strings(listOf(typeName, 'names'));
  const qualified = names[0] === 'pg_catalog' ? names.slice(1) : names;
  const name = qualified[qualified.length - 1] ?? 'text';
  const args = listOf(typeName, 'typmods')
    .map((m) => {
      const c = nodeOf(m, 'A_Const');
      const ival = nodeOf(c, 'ival')?.ival;
      return typeof ival === 'number' ? ival : undefined;
    })
    .filter((n): n is number => n !== undefined);
  const array = listOf(typeName, 'arrayBounds').length > 0;
  const text = `${qualified.join('.')}${args.length > 0 ? `(${args.join(',')})` : ''}${array ? '[]' : ''}`;
  const type: ColumnType = { name, args, text };
  if (array) type.array = true;
  if (qualified.length > 1) type.text = text;
  return type;
}

/** The schema part of a qualified type name, if any (`public.mpaa_rating` → public). */
export function typeSchemaOf(typeName: PgNode | undefined): string | undefined {
  const names = strings(listOf(typeName, 'names'));
  return names.length > 1 && names[0] !== 'pg_catalog' ? names[0] : undefined;
}

/** A default expression: literals (through casts such as `'G'::mpaa_rating`), or a short text of the expression. */
export function defaultOf(expr: unknown): ColumnDefault {
  const cast = nodeOf(expr, 'TypeCast');
  if (cast !== undefined) {
    const inner = defaultOf(cast.arg);
    const target = strings(listOf(nodeOf(cast.typeName, 'TypeName') ?? (cast.typeName as PgNode), 'names')).pop();
    if (inner.kind === 'string' && target === 'bool')
      return { kind: 'boolean', value: /^(t|true|1|y|yes|on)$/i.test(inner.value) };
    return inner.kind === 'expression' ? inner : inner;
  }
  const constant = nodeOf(expr, 'A_Const');
  if (constant !== undefined) {
    if (constant.isnull === true) return { kind: 'null' };
    const ival = nodeOf(constant, 'ival');
    if (ival !== undefined) return { kind: 'number', value: typeof ival.ival === 'number' ? ival.ival : 0 };
    const fval = textOf(nodeOf(constant, 'fval'), 'fval');
    if (fval !== undefined) return { kind: 'number', value: Number(fval) };
    const boolval = nodeOf(constant, 'boolval');
    if (boolval !== undefined) return { kind: 'boolean', value: boolval.boolval === true };
    const sval = nodeOf(constant, 'sval');
    if (sval !== undefined) return { kind: 'string', value: textOf(sval, 'sval') ?? '' };
  }
  const call = nodeOf(expr, 'FuncCall');
  if (call !== undefined) {
    const name = strings(listOf(call, 'funcname')).join('.');
    return { kind: 'expression', text: `${name}(${listOf(call, 'args').length > 0 ? '…' : ''})` };
  }
  const svf = nodeOf(expr, 'SQLValueFunction');
  if (svf !== undefined)
    return {
      kind: 'expression',
      text: String(svf.op ?? '')
        .replace(/^SVFOP_/, '')
        .toLowerCase(),
    };
  const kind = expr !== null && typeof expr === 'object' ? Object.keys(expr)[0] : undefined;
  return { kind: 'expression', text: kind ?? 'expression' };
}

/** Line:column of UTF-8 byte offsets in a text. */
export class ByteLines {
  private readonly starts: number[] = [0];
  private readonly bytes: Buffer;

  constructor(text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.starts.push(i + 1);
  }

  at(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    const column = this.bytes.subarray(start, offset).toString('utf8').length + 1;
    return { line: lo + 1, column };
  }
}
