import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ConnectionMode,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './flow.css';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { GRID_STEP, type Diagram } from './diagram';
import type { DiagramViewProps } from './DiagramView';
import { BoxNodeView, GroupNodeView, type BoxNode, type GroupNode } from './EntityNode';
import { CrowFootMarkers, RelationEdgeView, type LinkEdge } from './RelationEdge';

const NODE_TYPES = { box: BoxNodeView, 'group-area': GroupNodeView };
const EDGE_TYPES = { relation: RelationEdgeView };
const PAD = 24;

function boxNodes(diagram: Diagram, selected: ReadonlySet<string>): BoxNode[] {
  return diagram.boxes.map((box) => ({
    id: box.id,
    type: 'box',
    position: box.position,
    data: { box },
    selected: selected.has(box.id),
    ariaLabel: box.label,
    ariaRole: 'group',
  }));
}

function linkEdges(diagram: Diagram, selected: ReadonlySet<string>): LinkEdge[] {
  return diagram.links.map((l) => ({
    id: l.id,
    type: 'relation',
    source: l.source,
    target: l.target,
    sourceHandle: l.sourceRow ?? 'out',
    targetHandle: 'in',
    data: { link: l },
    selected: selected.has(l.id),
    ariaLabel: l.name,
    ariaRole: 'group',
  }));
}

/** Group areas around their boxes' current bounds (so they follow a drag). */
function groupNodes(diagram: Diagram, nodes: Node[]): GroupNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: GroupNode[] = [];
  for (const group of diagram.groups ?? []) {
    const members = group.boxes.map((id) => byId.get(id)).filter((n): n is Node => n !== undefined);
    if (members.length === 0) continue;
    const x0 = Math.min(...members.map((n) => n.position.x)) - PAD;
    const y0 = Math.min(...members.map((n) => n.position.y)) - PAD - 16;
    const x1 = Math.max(...members.map((n) => n.position.x + (n.measured?.width ?? 220))) + PAD;
    const y1 = Math.max(...members.map((n) => n.position.y + (n.measured?.height ?? 120))) + PAD;
    out.push({
      id: `group:${group.id}`,
      type: 'group-area',
      position: { x: x0, y: y0 },
      data: { group, width: x1 - x0, height: y1 - y0 },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
      ariaLabel: `Group ${group.label}`,
    });
  }
  return out;
}

/** Marks `selected` on the items whose selection differs, keeping the others as they are. */
function reselect<T extends { id: string; selected?: boolean }>(items: T[], selected: ReadonlySet<string>): T[] {
  let changed = false;
  const next = items.map((item) => {
    if (selected.has(item.id) === (item.selected ?? false)) return item;
    changed = true;
    return { ...item, selected: selected.has(item.id) };
  });
  return changed ? next : items;
}

function Canvas({ diagram, dark, events, selection, focus }: DiagramViewProps) {
  const flow = useReactFlow();
  useEffect(() => {
    if (focus) void flow.fitView({ nodes: [{ id: focus.box }], maxZoom: 1.2, duration: 300 });
  }, [focus, flow]);
  const selectedBoxes = useMemo(() => new Set(selection?.boxes ?? []), [selection?.boxes]);
  const selectedLinks = useMemo(() => new Set(selection?.links ?? []), [selection?.links]);
  const [nodes, setNodes] = useState<BoxNode[]>(() => boxNodes(diagram, selectedBoxes));
  const [edges, setEdges] = useState<LinkEdge[]>(() => linkEdges(diagram, selectedLinks));
  const dragStart = useRef<Map<string, { x: number; y: number }> | null>(null);
  // Follow the owner's diagram and selection during render (not in an effect), keeping the
  // measured sizes React Flow found, so a change redraws once.
  const [synced, setSynced] = useState({ diagram, selectedBoxes, selectedLinks });
  if (synced.diagram !== diagram || synced.selectedBoxes !== selectedBoxes || synced.selectedLinks !== selectedLinks) {
    setSynced({ diagram, selectedBoxes, selectedLinks });
    if (synced.diagram !== diagram) {
      setNodes((previous) => {
        const measured = new Map(previous.map((n) => [n.id, n.measured]));
        return boxNodes(diagram, selectedBoxes).map((n) => {
          const size = measured.get(n.id);
          return size ? { ...n, measured: size } : n;
        });
      });
      setEdges(linkEdges(diagram, selectedLinks));
    } else {
      setNodes((ns) => reselect(ns, selectedBoxes));
      setEdges((es) => reselect(es, selectedLinks));
    }
  }
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes as EdgeChange<LinkEdge>[], current)),
    [],
  );
  const groups = useMemo(() => groupNodes(diagram, nodes), [diagram, nodes]);
  const allNodes = useMemo<Node[]>(() => [...groups, ...nodes], [groups, nodes]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const own = changes.filter((c) => !('id' in c) || !c.id.startsWith('group:'));
    setNodes((current) => applyNodeChanges(own as NodeChange<BoxNode>[], current));
  }, []);
  const onNodeDragStart = useCallback(
    () => (dragStart.current = new Map(flow.getNodes().map((n) => [n.id, { ...n.position }]))),
    [flow],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, __: Node, dragged: Node[]) => {
      const before = dragStart.current;
      dragStart.current = null;
      const moves = dragged
        .filter((n) => {
          const was = before?.get(n.id);
          return !was || was.x !== n.position.x || was.y !== n.position.y;
        })
        .map((n) => ({ id: n.id, position: { x: n.position.x, y: n.position.y } }));
      if (moves.length > 0) events?.onMoveEnd?.(moves);
    },
    [events],
  );
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) =>
      events?.onSelectionChange?.({
        boxes: n.filter((x) => x.type === 'box').map((x) => x.id),
        links: e.map((x) => x.id),
      }),
    [events],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const target = flow.getNode(c.target);
      const at = target ? { x: target.position.x, y: target.position.y } : { x: 0, y: 0 };
      const row = c.sourceHandle && c.sourceHandle !== 'out' ? { sourceRow: c.sourceHandle } : {};
      events?.onConnect?.({ source: c.source, target: c.target, at, ...row });
    },
    [events, flow],
  );
  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      events?.onPaneDoubleClick?.(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [events, flow],
  );
  return (
    <ReactFlow
      nodes={allNodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={onNodeDragStart}
      onNodeDragStop={onNodeDragStop}
      onSelectionChange={onSelectionChange}
      onConnect={onConnect}
      onDoubleClick={onDoubleClick}
      connectionMode={ConnectionMode.Loose}
      colorMode={dark ? 'dark' : 'light'}
      fitView
      minZoom={0.1}
      snapToGrid
      snapGrid={[GRID_STEP, GRID_STEP]}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      deleteKeyCode={null}
      zoomOnDoubleClick={false}
      onlyRenderVisibleElements={diagram.boxes.length > 60}
      proOptions={{ hideAttribution: true }}
    >
      <CrowFootMarkers />
      <Background gap={GRID_STEP} />
      <MiniMap pannable zoomable ariaLabel="Mini map" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** The React Flow canvas of a diagram; loaded lazily through `DiagramView`. */
export default function FlowDiagram(props: DiagramViewProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
