import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, Fragment, memo, useContext } from 'react';
import { HEAD_HEIGHT, leftOf, ROW_HEIGHT, rowMiddle, STRIPE } from './box-geometry';
import type { DiagramBox, DiagramGroup } from './diagram';

export type BoxNode = Node<
  {
    box: DiagramBox;
    width: number;
    /** The rows a line starts from: the only ones with a handle when rows are drawn as lines. */
    linkedRows: ReadonlySet<string>;
  },
  'box'
>;
export type GroupNode = Node<{ group: DiagramGroup; width: number; height: number }, 'group-area'>;

/**
 * How much of each box and line the canvas writes out at the current zoom. Far out, where a
 * 12 px row would be 4 px tall, rows are drawn as lines (the box keeps its size and its rows'
 * handles, so the lines between boxes stay where they were) and lines lose their labels: a
 * 150-entity diagram at its fitted zoom is then about a third of the page elements, which is what
 * its opening, drag and pan cost.
 */
export interface DiagramDetail {
  rows: boolean;
  labels: boolean;
}

export const DetailContext = createContext<DiagramDetail>({ rows: true, labels: true });

const MARKER_TITLES: Record<string, string> = {
  PK: 'primary key',
  FK: 'foreign key',
  M2M: 'many-to-many',
  U: 'unique',
  N: 'nullable',
  IX: 'indexed',
};

/** The far name's font size: as large as fits the box's width on one line, between 14 and 26 px. */
const farNameSize = (title: string, width: number) =>
  Math.round(Math.max(14, Math.min(26, (width - 16) / (Math.max(1, title.length) * 0.7))));

/** The handle offset from a row's middle (its own half height): the same written out or drawn as lines. */
const rowHandleTop = (index: number) => rowMiddle(index) - STRIPE - HEAD_HEIGHT;

/**
 * Where a row's line starts, for React Flow's measure (the class and data a Handle has), but not
 * a Handle: nothing is drawn from it (lines are drawn from a row's right Handle), and each Handle
 * is one more store subscription run on every change of a drag. On the row's left by default,
 * where its line leaves for a box on the left; far out, also on its right (no Handle is drawn
 * there then).
 */
function LineEnd(props: { rowKey: string; top?: number; right?: boolean }) {
  const side = props.right ? 'right' : 'left';
  return (
    <div
      className={`react-flow__handle react-flow__handle-${side} source diagram-handle-row${props.right ? '' : ' diagram-handle-row-left'}`}
      data-handleid={props.right ? props.rowKey : leftOf(props.rowKey)}
      data-handlepos={side}
      {...(props.top !== undefined ? { style: { top: props.top } } : {})}
    />
  );
}

/**
 * An entity: its name, then one row per field and relation, each with its markers and type
 * badge. The header has an incoming handle (left) and an outgoing one (right) to draw a relation
 * from; each row has an outgoing handle its relation's line starts from.
 */
function BoxNodeViewInner({ data, selected }: NodeProps<BoxNode>) {
  const { box, width, linkedRows } = data;
  const detail = useContext(DetailContext);
  return (
    <div
      className={`diagram-box${box.flagged ? ' flagged' : ''}${selected ? ' selected' : ''}`}
      style={{ width, ...(box.color ? { borderTopColor: box.color } : {}) }}
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
      {detail.rows ? (
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
              <LineEnd rowKey={row.key} />
              <Handle type="source" position={Position.Right} id={row.key} className="diagram-handle-row" />
            </li>
          ))}
        </ul>
      ) : (
        <div className="diagram-rows-far" style={{ height: box.rows.length * ROW_HEIGHT }}>
          {/* The name again, large enough to read from afar: the header's is a few pixels tall here. */}
          {box.rows.length > 1 && (
            <span className="diagram-far-name" aria-hidden="true" style={{ fontSize: farNameSize(box.title, width) }}>
              <span>{box.title}</span>
            </span>
          )}
          {box.rows.map((row, i) =>
            linkedRows.has(row.key) ? (
              <Fragment key={row.key}>
                <LineEnd rowKey={row.key} top={rowHandleTop(i)} />
                <LineEnd rowKey={row.key} top={rowHandleTop(i)} right />
              </Fragment>
            ) : null,
          )}
        </div>
      )}
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
