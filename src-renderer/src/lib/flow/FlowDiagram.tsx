import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { DiagramBox } from './diagram';
import type { DiagramViewProps } from './DiagramView';

type BoxNode = Node<{ box: DiagramBox }, 'box'>;

function BoxNodeView({ data }: NodeProps<BoxNode>) {
  return (
    <div className="diagram-box">
      <Handle type="target" position={Position.Left} />
      <strong>{data.box.title}</strong>
      <ul>
        {data.box.rows.map((row) => (
          <li key={row.key}>
            <code>{row.name}</code> <span className="muted">{row.detail}</span>
          </li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const NODE_TYPES = { box: BoxNodeView };

/** The React Flow canvas of a diagram; loaded lazily through `DiagramView`. */
export default function FlowDiagram({ diagram, dark }: DiagramViewProps) {
  const nodes = useMemo<BoxNode[]>(
    () =>
      diagram.boxes.map((box) => ({
        id: box.id,
        type: 'box',
        position: box.position,
        data: { box },
        ariaLabel: box.label,
        ariaRole: 'group',
      })),
    [diagram.boxes],
  );
  const edges = useMemo<Edge[]>(
    () =>
      diagram.links.map((l) => ({ id: l.id, source: l.source, target: l.target, label: l.label, ariaLabel: l.name })),
    [diagram.links],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      colorMode={dark ? 'dark' : 'light'}
      fitView
      nodesConnectable={false}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <MiniMap pannable zoomable />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
