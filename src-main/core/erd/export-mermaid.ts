/**
 * A `djforge-erd` model → a Mermaid `erDiagram`: every entity with its attributes (type, PK/FK/UK
 * markers — the entity's own key, or Django's `id` — help text as the comment) and every relation with crow's-foot cardinality, so the
 * model can be shown in any Markdown viewer that renders Mermaid.
 */
import type { Erd, Relation } from '../../../src-shared/erd/model';

const entityName = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, "'")}"`;
const comment = (text: string): string => `"${text.replace(/"/g, "'").replace(/\s+/g, ' ')}"`;

/** `B ||--o{ A` and friends: the target's side first, as Mermaid reads "one B has many A". */
function relationLine(r: Relation): string {
  const label = comment(r.name);
  const from = entityName(r.from);
  const to = entityName(r.to);
  if (r.kind === 'manyToMany') return `  ${from} }o--o{ ${to} : ${label}`;
  const targetSide = r.nullable === true ? '|o' : '||';
  const sourceSide = r.kind === 'oneToOne' ? 'o|' : 'o{';
  return `  ${to} ${targetSide}--${sourceSide} ${from} : ${label}`;
}

/** The type of a foreign key to `entity`: its own key's type, or Django's bigint `id`. */
function targetKeyType(erd: Erd, entity: string): string {
  const target = erd.entities.find((e) => e.name === entity);
  const key = target?.fields.find((f) => f.primaryKey === true) ?? target?.fields.find((f) => f.name === 'id');
  return key?.type ?? 'bigint';
}

/** The Mermaid text of `erd`. */
export function exportMermaid(erd: Erd): string {
  const out = ['erDiagram'];
  for (const entity of erd.entities) {
    const key = entity.fields.find((f) => f.primaryKey === true) ?? entity.fields.find((f) => f.name === 'id');
    out.push(`  ${entityName(entity.name)} {`, ...(key === undefined ? ['    bigint id PK'] : []));
    for (const field of entity.fields) {
      const marker = field === key ? ' PK' : field.unique === true ? ' UK' : '';
      const note = field.helpText !== undefined ? ` ${comment(field.helpText)}` : '';
      out.push(`    ${field.type} ${field.name}${marker}${note}`);
    }
    for (const r of erd.relations.filter((x) => x.from === entity.name && x.kind !== 'manyToMany'))
      out.push(`    ${targetKeyType(erd, r.to)} ${r.name}_id FK${r.kind === 'oneToOne' ? ', UK' : ''}`);
    out.push('  }');
  }
  for (const r of erd.relations) out.push(relationLine(r));
  return `${out.join('\n')}\n`;
}
