import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramBox, DiagramGroup } from './diagram';

export type BoxNode = Node<{ box: DiagramBox }, 'box'>;
export type GroupNode = Node<{ group: DiagramGroup; width: number; height: number }, 'group-area'>;

const MARKER_TITLES: Record<string, string> = {
  PK: 'primary key',
  FK: 'foreign key',
  M2M: 'many-to-many',
  U: 'unique',
  N: 'nullable',
  IX: 'indexed',
};

/**
 * An entity: its name, then one row per field and relation, each with its markers and type
 * badge. The header has an incoming handle (left) and an outgoing one (right) to draw a relation
 * from; each row has an outgoing handle its relation's line starts from.
 */
function BoxNodeViewInner({ data, selected }: NodeProps<BoxNode>) {
  const { box } = data;
  return (
    <div
      className={`diagram-box${box.flagged ? ' flagged' : ''}${selected ? ' selected' : ''}`}
      style={box.color ? { borderTopColor: box.color } : undefined}
    >
      <div className="diagram-box-head">
        <Handle type="target" position={Position.Left} id="in" />
        <strong>{box.title}</strong>
        {box.flagged && (
          <span className="diagram-flag" title="This entity has errors" aria-label="has errors">
            !
          </span>
        )}
        <Handle type="source" position={Position.Right} id="out" className="diagram-handle-out" />
      </div>
      <ul>
        {box.rows.map((row) => (
          <li key={row.key} className="diagram-row">
            <span className="diagram-markers">
              {row.markers.map((m) => (
                <abbr key={m} className={`marker marker-${m.toLowerCase()}`} title={MARKER_TITLES[m] ?? m}>
                  {m}
                </abbr>
              ))}
            </span>
            <code>{row.name}</code>
            <span className="badge">{row.detail}</span>
            <Handle type="source" position={Position.Right} id={row.key} className="diagram-handle-row" />
          </li>
        ))}
      </ul>
    </div>
  );
}

export const BoxNodeView = memo(BoxNodeViewInner);

/** A group from the layout: a labelled, tinted area behind its entities. */
function GroupNodeViewInner({ data }: NodeProps<GroupNode>) {
  return (
    <div
      className="diagram-group"
      style={{
        width: data.width,
        height: data.height,
        ...(data.group.color ? { borderColor: data.group.color, background: `${data.group.color}14` } : {}),
      }}
    >
      <span className="diagram-group-label">{data.group.label}</span>
    </div>
  );
}

export const GroupNodeView = memo(GroupNodeViewInner);
