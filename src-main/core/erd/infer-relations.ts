/**
 * What a senior Django engineer reads into a relation's name when the ERD says nothing: which
 * link names the row's owner (set from the request, changed only by the owner or staff), which
 * references are optional, and what happens on delete — CASCADE only for the parts of a whole
 * (an order's lines, a product's images, a link row of a many-to-many), SET_NULL for optional
 * references, PROTECT for everything else, so deleting a product never deletes the order lines
 * that sold it. An explicit value in the ERD always wins; every inference is reported.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import type { Erd, OnDelete, Relation } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import { info, relationPath } from './report';
import { userEntity } from './infer-user';

/** Link names that say "this row belongs to that user". */
export const OWNER_NAMES: readonly string[] = [
  'owner',
  'author',
  'user',
  'created_by',
  'posted_by',
  'sender',
  'uploaded_by',
  'submitted_by',
  'written_by',
  'reported_by',
  'requested_by',
  'creator',
];

/** Link names that are optional by nature: a coupon, an assignee, a parent, an approver. */
export const OPTIONAL_LINK_NAMES: readonly string[] = [
  'coupon',
  'discount',
  'promotion',
  'assigned_to',
  'assignee',
  'parent',
  'approved_by',
  'reviewed_by',
  'resolved_by',
  'closed_by',
  'cancelled_by',
  'updated_by',
  'modified_by',
  'referred_by',
  'referrer',
  'manager',
  'reply_to',
  'in_reply_to',
  'replaced_by',
];

const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

/** Optional references (coupon, assigned_to, parent, …) become nullable unless the ERD says otherwise. */
export function inferOptionalLinks(relations: Relation[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  relations.forEach((r, i) => {
    if (r.kind === 'manyToMany' || r.nullable !== undefined || r.onDelete !== undefined) return;
    if (!OPTIONAL_LINK_NAMES.includes(r.name)) return;
    r.nullable = true;
    out.push(
      info(
        ERD_CODES.fieldInferred,
        relationPath(r.from, r.name, i),
        `${r.from}.${r.name} is optional (null=True, blank=True): a ${r.name.replace(/_/g, ' ')} is not always there. Set "nullable": false to require it.`,
      ),
    );
  });
  return out;
}

/** The required link to the user that names each entity's owner gets `owner: true` (one per entity). */
export function inferOwners(erd: Erd): Diagnostic[] {
  const user = userEntity(erd);
  if (user === undefined) return [];
  const through = new Set(erd.relations.flatMap((r) => (r.through === undefined ? [] : [r.through])));
  const names = [...OWNER_NAMES, snake(user.name)];
  const out: Diagnostic[] = [];
  const owned = new Set(erd.relations.filter((r) => r.owner === true).map((r) => r.from));
  erd.relations.forEach((r, i) => {
    if (r.owner !== undefined || owned.has(r.from) || through.has(r.from) || r.from === user.name) return;
    if (r.kind === 'manyToMany' || r.to !== user.name || r.nullable === true || !names.includes(r.name)) return;
    r.owner = true;
    owned.add(r.from);
    out.push(
      info(
        ERD_CODES.ownerInferred,
        relationPath(r.from, r.name, i),
        `${r.from}.${r.name} is the row's owner: the API sets it to the logged-in user and only the owner or staff may change or delete the row. Set "owner": false to opt out.`,
      ),
    );
  });
  for (const r of erd.relations)
    if (r.owner === true && (r.kind === 'manyToMany' || r.to !== user.name)) delete r.owner;
  return out;
}

function deleteRule(erd: Erd, r: Relation, through: ReadonlySet<string>): [OnDelete, string] {
  if (r.nullable === true) return ['SET_NULL', 'the reference is optional, so the row stays and forgets it'];
  if (through.has(r.from)) return ['CASCADE', `${r.from} is the link row of a many-to-many relation`];
  if (r.from !== r.to && r.from.startsWith(r.to))
    return ['CASCADE', `${r.from} is a part of its ${r.to} and goes with it`];
  if (r.kind === 'oneToOne' && r.to === userEntity(erd)?.name)
    return ['CASCADE', `${r.from} extends its ${r.to} one to one and goes with it`];
  return ['PROTECT', `deleting a ${r.to} must not silently delete the ${r.from} rows that refer to it`];
}

/**
 * Every ForeignKey/OneToOneField gets its `onDelete`: SET_NULL when nullable, CASCADE for owned
 * parts and link rows, PROTECT otherwise. A SET_NULL given in the ERD makes the link nullable.
 */
export function inferOnDelete(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const through = new Set(erd.relations.flatMap((r) => (r.through === undefined ? [] : [r.through])));
  erd.relations.forEach((r, i) => {
    if (r.kind === 'manyToMany') return;
    const path = relationPath(r.from, r.name, i);
    if (r.onDelete === 'SET_NULL' && r.nullable === undefined) {
      r.nullable = true;
      out.push(info(ERD_CODES.fieldInferred, path, `${r.from}.${r.name} uses on_delete SET_NULL, so it is nullable.`));
    }
    if (r.onDelete !== undefined) return;
    const [onDelete, why] = deleteRule(erd, r, through);
    r.onDelete = onDelete;
    out.push(info(ERD_CODES.onDeleteInferred, path, `${r.from}.${r.name} is on_delete ${onDelete}: ${why}.`));
  });
  return out;
}

/** Reverse accessors that read right for self-references: who follows me are my `followers`. */
const SELF_REVERSE: Readonly<Record<string, string>> = {
  following: 'followers',
  follows: 'followers',
  followers: 'following',
  blocked: 'blocked_by',
  blocked_users: 'blocked_by',
  blocking: 'blocked_by',
  parent: 'children',
  manager: 'direct_reports',
  reply_to: 'replies',
  in_reply_to: 'replies',
  referred_by: 'referrals',
  replaced_by: 'replaces',
};

/** Names self-referencing relations' reverse accessors by their meaning (`following` → `followers`). */
export function inferSelfReverseNames(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  const taken = new Map<string, Set<string>>();
  for (const e of erd.entities) taken.set(e.name, new Set(e.fields.map((f) => f.name)));
  for (const r of erd.relations) {
    taken.get(r.from)?.add(r.name);
    if (r.relatedName !== undefined) taken.get(r.to)?.add(r.relatedName);
  }
  erd.relations.forEach((r, i) => {
    const name = SELF_REVERSE[r.name];
    if (r.from !== r.to || r.relatedName !== undefined || name === undefined) return;
    const members = taken.get(r.to);
    if (members === undefined || members.has(name)) return;
    r.relatedName = name;
    members.add(name);
    out.push(
      info(
        ERD_CODES.relatedNameDerived,
        relationPath(r.from, r.name, i),
        `${r.from}.${r.name} is reversed as "${name}": the ${r.from} rows that point at one through ${r.name}.`,
      ),
    );
  });
  return out;
}
