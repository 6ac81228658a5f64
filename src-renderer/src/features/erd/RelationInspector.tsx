import { useCallback } from 'react';
import { studioState } from '@renderer/store';
import type { Erd, Relation } from '@shared/erd/model';
import { ON_DELETE, RELATION_KINDS } from '@shared/erd/model-constants';
import { perform } from './canvas-actions';
import { relationId } from './erd-diagram';
import { patched } from './EntityInspector';
import { Check, Choice, CommitInput, NameInput, Section } from './inspector-controls';

/** Every property of one relation. */
export function RelationInspector({ erd, index }: { erd: Erd; index: number }) {
  const relation = erd.relations[index] as Relation;
  const set = (patch: Partial<Relation>) => {
    const to = patched(relation, patch);
    if (perform({ kind: 'setRelation', index, from: relation, to }) && to.name !== relation.name) {
      studioState().setSelection({ entities: [], relations: [relationId(to)] });
    }
  };
  const candidate = useCallback(
    (name: string) => {
      const relations = erd.relations.slice();
      relations[index] = { ...relation, name };
      return { ...erd, relations };
    },
    [erd, index, relation],
  );
  const entities = erd.entities.map((e) => e.name);
  const fk = relation.kind !== 'manyToMany';
  return (
    <div className="inspector" aria-label={`Inspector of ${relationId(relation)}`}>
      <Section title={`Relation ${relation.from}.${relation.name}`}>
        <NameInput
          label="Relation name"
          value={relation.name}
          candidate={candidate}
          pathOf={(n) => `relations.${relation.from}.${n}`}
          onCommit={(name) => set({ name })}
        />
        <Choice label="Kind" value={relation.kind} options={RELATION_KINDS} onChange={(kind) => set({ kind })} />
        <Choice label="Target" value={relation.to} options={entities} onChange={(to) => set({ to })} />
        {fk && (
          <Choice
            label="On delete"
            value={relation.onDelete ?? ''}
            options={ON_DELETE}
            empty="(default)"
            onChange={(onDelete) => set({ onDelete })}
          />
        )}
        {fk && (
          <Check
            label="Nullable"
            checked={relation.nullable ?? false}
            onChange={(v) => set({ nullable: v || undefined })}
          />
        )}
        {!fk && (
          <Choice
            label="Through"
            value={relation.through ?? ''}
            options={entities}
            empty="(automatic)"
            onChange={(through) => set({ through })}
          />
        )}
        <CommitInput
          label="Related name"
          value={relation.relatedName ?? ''}
          onCommit={(relatedName) => set({ relatedName })}
        />
        <CommitInput label="Help text" value={relation.helpText ?? ''} onCommit={(helpText) => set({ helpText })} />
        <button type="button" onClick={() => perform({ kind: 'removeRelation', relation, index })}>
          Delete relation
        </button>
      </Section>
    </div>
  );
}
