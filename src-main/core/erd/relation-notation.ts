/**
 * The relation notations of the seed formats: `ForeignKey:User`, `OneToOneField:User`,
 * `ManyToManyField:Tag`, and the call forms `ForeignKey(User)`, `models.ForeignKey('User',
 * on_delete=models.SET_NULL, null=True, related_name='jobs')`. Only arguments that have a meaning
 * in the ERD are kept; the others are reported back so nothing is dropped silently.
 */
import { ON_DELETE, type OnDelete, type RelationKind } from '../../../src-shared/erd/model';

export interface RelationNotation {
  kind: RelationKind;
  /** The target entity as written (`self` is left for the caller to resolve). */
  target: string;
  onDelete?: OnDelete;
  nullable?: boolean;
  relatedName?: string;
  through?: string;
  /** Arguments that were understood but have no place in the ERD, e.g. `db_index=True`. */
  ignored: string[];
}

export type NotationParse = { ok: true; value: RelationNotation } | { ok: false; message: string };

const CLASSES: Readonly<Record<string, RelationKind>> = {
  foreignkey: 'manyToOne',
  onetoonefield: 'oneToOne',
  onetoone: 'oneToOne',
  manytomanyfield: 'manyToMany',
  manytomany: 'manyToMany',
};

const HEAD = /^\s*(?:models\.)?([A-Za-z]+)\s*([:(])/;
const BARE = /^\s*(?:models\.)?([A-Za-z]+)\s*$/;

function unquote(text: string): string {
  const t = text.trim();
  return /^(['"]).*\1$/.test(t) ? t.slice(1, -1) : t;
}

function isPythonTrue(value: string): boolean | undefined {
  if (value === 'True') return true;
  if (value === 'False') return false;
  return undefined;
}

function applyKeyword(out: RelationNotation, key: string, rawValue: string): string | undefined {
  const value = rawValue.trim();
  switch (key) {
    case 'on_delete': {
      const name = value.replace(/^models\./, '');
      if (!(ON_DELETE as readonly string[]).includes(name))
        return `on_delete=${value} is not one of ${ON_DELETE.join(', ')}`;
      out.onDelete = name as OnDelete;
      return undefined;
    }
    case 'null': {
      const flag = isPythonTrue(value);
      if (flag === undefined) return `null=${value} must be True or False`;
      out.nullable = flag;
      return undefined;
    }
    case 'related_name':
      out.relatedName = unquote(value);
      return undefined;
    case 'through':
      out.through = unquote(value);
      return undefined;
    default:
      out.ignored.push(`${key}=${value}`);
      return undefined;
  }
}

/**
 * Parses `raw` when it is written as a relation; `null` when it is not a relation at all (a plain
 * field type), so the caller can try the type vocabulary next.
 */
export function parseRelationNotation(raw: string): NotationParse | null {
  const bare = BARE.exec(raw);
  if (bare?.[1] !== undefined && CLASSES[bare[1].toLowerCase()] !== undefined) {
    return {
      ok: false,
      message: `${JSON.stringify(raw)} is not a valid relation: the target entity is missing. Write it as "${bare[1]}:Entity" or "${bare[1]}(Entity)"`,
    };
  }
  const head = HEAD.exec(raw);
  const kind = head?.[1] === undefined ? undefined : CLASSES[head[1].toLowerCase()];
  if (head === null || kind === undefined) return null;
  const rest = raw.slice(head[0].length);
  const fail = (why: string): NotationParse => ({
    ok: false,
    message: `${JSON.stringify(raw)} is not a valid relation: ${why}. Write it as "${head[1]}:Entity" or "${head[1]}(Entity)"`,
  });
  let args: string[];
  if (head[2] === ':') {
    args = [rest];
  } else {
    const close = rest.lastIndexOf(')');
    if (close < 0 || rest.slice(close + 1).trim() !== '') return fail('the closing ")" is missing or misplaced');
    args = rest.slice(0, close).split(',');
  }
  const target = unquote(args[0] ?? '');
  if (target === '') return fail('the target entity is missing');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(target))
    return fail(`the target ${JSON.stringify(target)} is not an entity name`);
  const value: RelationNotation = { kind, target, ignored: [] };
  for (const arg of args.slice(1)) {
    if (arg.trim() === '') continue;
    const eq = arg.indexOf('=');
    if (eq < 0) return fail(`the argument ${JSON.stringify(arg.trim())} must be written as name=value`);
    const problem = applyKeyword(value, arg.slice(0, eq).trim(), arg.slice(eq + 1));
    if (problem !== undefined) return fail(problem);
  }
  return { ok: true, value };
}
