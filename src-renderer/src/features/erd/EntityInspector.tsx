import { useCallback } from 'react';
import { studioState } from '@renderer/store';
import type { Entity, Erd } from '@shared/erd/model';
import { addField, deleteSelection, perform } from './canvas-actions';
import { relationId } from './erd-diagram';
import { applyEdit } from './erd-edits';
import { Check, Choice, CommitInput, NameInput, Section, splitList } from './inspector-controls';

/** `target` with `patch` applied; keys set to undefined, '' or [] are removed. */
export function patched<T extends object>(target: T, patch: Partial<T>): T {
  const out = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

const listText = (sets: string[][] | undefined): string => (sets ?? []).map((s) => s.join(', ')).join('; ');
const parseSets = (text: string): string[][] =>
  text
    .split(';')
    .map(splitList)
    .filter((s) => s.length > 0);

/** Every property of one entity, its fields (click to inspect one) and the relations it holds. */
export function EntityInspector({ erd, entity }: { erd: Erd; entity: Entity }) {
  const set = (patch: Partial<Entity>) =>
    perform({ kind: 'setEntity', name: entity.name, from: entity, to: patched(entity, patch) });
  const candidate = useCallback(
    (name: string) => {
      try {
        return applyEdit(erd, { kind: 'renameEntity', from: entity.name, to: name });
      } catch {
        return null;
      }
    },
    [erd, entity.name],
  );
  const rename = (to: string) => {
    if (perform({ kind: 'renameEntity', from: entity.name, to })) {
      studioState().setSelection({ entities: [to], relations: [] });
    }
  };
  const apps = erd.project.apps ?? ['core'];
  const held = erd.relations.filter((r) => r.from === entity.name);
  return (
    <div className="inspector" aria-label={`Inspector of ${entity.name}`}>
      <Section title="Entity">
        <NameInput
          label="Entity name"
          value={entity.name}
          candidate={candidate}
          pathOf={(n) => `entities.${n}`}
          onCommit={rename}
        />
        <Choice
          label="App"
          value={entity.app ?? ''}
          options={apps}
          empty="(first app)"
          onChange={(app) => set({ app })}
        />
        <CommitInput
          label="Description"
          value={entity.description ?? ''}
          multiline
          onCommit={(description) => set({ description })}
        />
        <Choice
          label="Display field"
          value={entity.displayField ?? ''}
          options={entity.fields.map((f) => f.name)}
          empty="(automatic)"
          onChange={(displayField) => set({ displayField })}
        />
        <CommitInput
          label="Ordering"
          value={(entity.ordering ?? []).join(', ')}
          placeholder="-created_at, name"
          onCommit={(t) => set({ ordering: splitList(t) })}
        />
        <CommitInput
          label="Unique together"
          value={listText(entity.uniqueTogether)}
          placeholder="a, b; c, d"
          onCommit={(t) => set({ uniqueTogether: parseSets(t) })}
        />
        <CommitInput
          label="Indexes"
          value={listText(entity.indexes?.map((i) => i.fields))}
          placeholder="a, b; c"
          onCommit={(t) => set({ indexes: parseSets(t).map((fields) => ({ fields })) })}
        />
        <Check
          label="Timestamps (created_at, updated_at)"
          checked={entity.timestamps ?? false}
          onChange={(timestamps) => set({ timestamps: timestamps || undefined })}
        />
      </Section>
      <Section title="Fields">
        <ul className="member-list">
          {entity.fields.map((f) => (
            <li key={f.name}>
              <button
                type="button"
                aria-label={`Show field ${f.name}`}
                onClick={() => studioState().setSelection({ entities: [entity.name], relations: [] }, f.name)}
              >
                <code>{f.name}</code> <span className="badge">{f.type}</span>
              </button>
            </li>
          ))}
          {held.map((r) => (
            <li key={r.name}>
              <button
                type="button"
                aria-label={`Show relation ${r.name}`}
                onClick={() => studioState().setSelection({ entities: [], relations: [relationId(r)] })}
              >
                <code>{r.name}</code> <span className="badge">→ {r.to}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => addField(entity.name)}>
          Add field
        </button>{' '}
        <button type="button" onClick={deleteSelection}>
          Delete entity
        </button>
      </Section>
    </div>
  );
}
