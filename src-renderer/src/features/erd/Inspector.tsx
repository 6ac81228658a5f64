import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { relationId } from './erd-diagram';
import { EntityInspector } from './EntityInspector';
import { FieldInspector } from './FieldInspector';
import { ProjectInspector } from './ProjectInspector';
import { RelationInspector } from './RelationInspector';

/** The side panel: what is selected (entity and field, relation), or the project when nothing is. */
export function Inspector({ erd }: { erd: Erd }) {
  const { selection, field } = useStudio(useShallow((s) => ({ selection: s.selection, field: s.selectedField })));
  const count = selection.entities.length + selection.relations.length;
  if (count > 1) return <p className="muted">{count} items selected.</p>;
  const relationIndex = erd.relations.findIndex((r) => relationId(r) === selection.relations[0]);
  if (relationIndex >= 0) return <RelationInspector key={selection.relations[0]} erd={erd} index={relationIndex} />;
  const entity = erd.entities.find((e) => e.name === selection.entities[0]);
  if (!entity) return <ProjectInspector erd={erd} />;
  const chosen = entity.fields.find((f) => f.name === field);
  return (
    <>
      {chosen && <FieldInspector key={`${entity.name}.${chosen.name}`} erd={erd} entity={entity.name} field={chosen} />}
      <EntityInspector key={entity.name} erd={erd} entity={entity} />
    </>
  );
}
