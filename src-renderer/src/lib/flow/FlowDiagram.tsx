import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ConnectionMode,
  Position,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './flow.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { GRID_STEP, type Diagram } from './diagram';
import type { DiagramViewProps } from './DiagramView';
import { boxHandles, boxHeight, boxWidth, facingHandles, MIN_WIDTH } from './box-geometry';
import {
  BoxNodeView,
  DetailContext,
  GroupNodeView,
  type BoxNode,
  type DiagramDetail,
  type GroupNode,
} from './EntityNode';
import { CrowFootMarkers, RelationEdgeView, type LinkEdge } from './RelationEdge';

const NODE_TYPES = { box: BoxNodeView, 'group-area': GroupNodeView };
const EDGE_TYPES = { relation: RelationEdgeView };
const PAD = 24;
// Props React Flow compares by identity: made once, so a render never looks like a change.
const SNAP_GRID: [number, number] = [GRID_STEP, GRID_STEP];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const FIT_VIEW = { maxZoom: 1 };
const MIN_ZOOM = 0.1;
const MINI_MAP_SIZE = { width: 160, height: 110 };
/** Below this width (px) the canvas starts without its mini map. */
const NARROW_CANVAS = 640;
/** Below this zoom a 10 px label is under 6 px tall: not drawn. */
const LABELS_ZOOM = 0.6;
/** Below this zoom a 12 px row is about 4 px tall: drawn as a line, not written out. */
const ROWS_ZOOM = 0.35;

/** What a box's node was made from: the same inputs give back the same node object. */
interface NodeSource {
  box: Diagram['boxes'][number];
  /** The rows lines start from, joined (see `linkedRows`). */
  linked: string;
  selected: boolean;
  at: { x: number; y: number } | undefined;
  size: { width: number; height: number } | undefined;
  node: BoxNode;
}

/** Per box, what the diagram alone decides: its drawn width and the rows its lines start from. */
interface BoxPlan {
  width: number;
  linkedRows: string[];
}

/** Made once per diagram, not on each frame of a drag (which only moves a box). */
function planBoxes(diagram: Diagram): Map<string, BoxPlan> {
  const starts = new Map<string, Set<string>>();
  for (const l of diagram.links)
    if (l.sourceRow) starts.set(l.source, (starts.get(l.source) ?? new Set()).add(l.sourceRow));
  return new Map(
    diagram.boxes.map((box) => {
      const from = starts.get(box.id);
      const linkedRows = from ? box.rows.filter((r) => from.has(r.key)).map((r) => r.key) : [];
      return [box.id, { width: boxWidth(box), linkedRows }];
    }),
  );
}

/**
 * The boxes as React Flow nodes. A node whose box, selection, dragged position and measured size
 * are unchanged is the very object of the previous call, so React Flow re-adopts and re-renders
 * only the nodes that changed (during a drag, the dragged one), not all of them every frame.
 */
function boxNodes(
  diagram: Diagram,
  plans: ReadonlyMap<string, BoxPlan>,
  selected: ReadonlySet<string>,
  dragged: ReadonlyMap<string, { x: number; y: number }>,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  cache: Map<string, NodeSource>,
): BoxNode[] {
  const seen = new Set<string>();
  const nodes = diagram.boxes.map((box) => {
    const plan = plans.get(box.id) ?? { width: boxWidth(box), linkedRows: [] };
    const linked = plan.linkedRows.join('\u0000');
    const on = selected.has(box.id);
    const at = dragged.get(box.id);
    const size = sizes.get(box.id);
    seen.add(box.id);
    const was = cache.get(box.id);
    const same = was !== undefined && was.box === box && was.linked === linked;
    if (same && was.selected === on && was.at === at && was.size === size) return was.node;
    // The same data object while the box and its lines are the same: a node selected, moved or
    // measured is not drawn again (BoxNodeView is memoized on it).
    const data = same ? was.node.data : { box, width: plan.width, linkedRows: new Set(plan.linkedRows) };
    // Its size and handles are known (box-geometry.ts): React Flow lays out, fits the view and
    // draws the lines in the first pass instead of measuring every box and handle first. A size
    // the browser measures differently (it never should) wins.
    const measured = size ?? { width: data.width, height: boxHeight(box.rows.length) };
    const handles =
      same && was.node.handles
        ? was.node.handles
        : boxHandles(box, data.width).map((h) => ({
            ...h,
            position: h.position === 'left' ? Position.Left : Position.Right,
          }));
    const node: BoxNode = {
      id: box.id,
      type: 'box',
      position: at ?? box.position,
      data,
      selected: on,
      ariaLabel: box.label,
      ariaRole: 'group',
      measured,
      handles,
    };
    cache.set(box.id, { box, linked, selected: on, at, size, node });
    return node;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return nodes;
}

/** What an edge was made from: the same link (by content) and selection give back the same edge. */
interface EdgeSource {
  key: string;
  selected: boolean;
  edge: LinkEdge;
}

/** The links as React Flow edges, each the object of the previous call while its link and selection are unchanged. */
function linkEdges(
  diagram: Diagram,
  selected: ReadonlySet<string>,
  cache: Map<string, EdgeSource>,
  plans: ReadonlyMap<string, BoxPlan>,
): LinkEdge[] {
  const seen = new Set<string>();
  const boxes = new Map(
    diagram.boxes.map((b) => [b.id, { x: b.position.x, width: plans.get(b.id)?.width ?? MIN_WIDTH }]),
  );
  const edges = diagram.links.map((l) => {
    seen.add(l.id);
    const from = boxes.get(l.source);
    const to = boxes.get(l.target);
    const sides = from && to ? facingHandles(l, from, to) : { sourceHandle: l.sourceRow ?? 'out', targetHandle: 'in' };
    const key = [
      l.source,
      l.target,
      l.sourceRow,
      l.sourceEnd,
      l.targetEnd,
      l.label,
      l.name,
      sides.sourceHandle,
      sides.targetHandle,
    ].join('\u0000');
    const on = selected.has(l.id);
    const was = cache.get(l.id);
    if (was && was.key === key && was.selected === on) return was.edge;
    const edge: LinkEdge = {
      id: l.id,
      type: 'relation',
      source: l.source,
      target: l.target,
      ...sides,
      data: was && was.key === key ? (was.edge.data ?? { link: l }) : { link: l },
      selected: on,
      ariaLabel: l.name,
      ariaRole: 'group',
    };
    cache.set(l.id, { key, selected: on, edge });
    return edge;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return edges;
}

/** `next`, or the array last kept under `key` when it holds the very same items. */
function keepSame<T>(kept: Map<string, unknown[]>, key: string, next: T[]): T[] {
  const previous = kept.get(key) as T[] | undefined;
  if (previous?.length === next.length && previous.every((x, i) => x === next[i])) return previous;
  kept.set(key, next);
  return next;
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

/** The nodes and edges last made (caches the canvas's memos fill; never read to decide a render). */
interface Made {
  nodes: Map<string, NodeSource>;
  edges: Map<string, EdgeSource>;
  /** The node and edge arrays last given to React Flow. */
  arrays: Map<string, unknown[]>;
}

function Canvas({ diagram, dark, events, selection, focus, made }: DiagramViewProps & { made: Made }) {
  const flow = useReactFlow();
  // A box whose rows changed has new handles: React Flow measures them again, or a line from a
  // renamed or added row would have nothing to start from.
  const updateNodeInternals = useUpdateNodeInternals();
  const rowKeys = useRef(new Map<string, string>());
  useEffect(() => {
    const changed: string[] = [];
    for (const box of diagram.boxes) {
      const keys = box.rows.map((r) => r.key).join('|');
      const was = rowKeys.current.get(box.id);
      // A box seen for the first time is measured by React Flow as it mounts: asking again would
      // measure every box of a document twice as it opens.
      if (was !== undefined && was !== keys) changed.push(box.id);
      rowKeys.current.set(box.id, keys);
    }
    if (changed.length > 0) updateNodeInternals(changed);
  }, [diagram, updateNodeInternals]);
  useEffect(() => {
    if (focus) void flow.fitView({ nodes: [{ id: focus.box }], maxZoom: 1.2, duration: 300 });
  }, [focus, flow]);
  const selectedBoxes = useMemo(() => new Set(selection?.boxes ?? []), [selection?.boxes]);
  const selectedLinks = useMemo(() => new Set(selection?.links ?? []), [selection?.links]);
  // Nodes and edges are derived from the owner's diagram and selection; only what a drag in
  // progress moved, and the sizes React Flow measured, are kept here.
  const [dragged, setDragged] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const dragStart = useRef<Map<string, { x: number; y: number }> | null>(null);
  const plans = useMemo(() => planBoxes(diagram), [diagram]);
  const nodes = useMemo(
    () => boxNodes(diagram, plans, selectedBoxes, dragged, sizes, made.nodes),
    [diagram, plans, selectedBoxes, dragged, sizes, made],
  );
  // The same arrays while their items are the same objects: React Flow's store changes (and runs
  // every node's, edge's and handle's subscription) only when something in them did.
  const edges = useMemo(
    () => keepSame(made.arrays, 'edges', linkEdges(diagram, selectedLinks, made.edges, plans)),
    [diagram, plans, selectedLinks, made],
  );
  const groups = useMemo(() => groupNodes(diagram, nodes), [diagram, nodes]);
  const allNodes = useMemo<Node[]>(() => keepSame(made.arrays, 'nodes', [...groups, ...nodes]), [groups, nodes, made]);

  /** A click or box selection: the new selection, told to the owner, who passes it back. */
  const reportSelection = useCallback(
    (boxes: Map<string, boolean>, links: Map<string, boolean>) => {
      const next = (current: ReadonlySet<string>, changes: Map<string, boolean>) => {
        const out = new Set(current);
        for (const [id, on] of changes) {
          if (on) out.add(id);
          else out.delete(id);
        }
        return [...out];
      };
      events?.onSelectionChange?.({ boxes: next(selectedBoxes, boxes), links: next(selectedLinks, links) });
    },
    [events, selectedBoxes, selectedLinks],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const selected = new Map<string, boolean>();
      const moved = new Map<string, { x: number; y: number }>();
      const measured = new Map<string, { width: number; height: number }>();
      for (const c of changes) {
        if (c.type === 'select' && !c.id.startsWith('group:')) selected.set(c.id, c.selected);
        else if (c.type === 'position' && c.position) moved.set(c.id, c.position);
        else if (c.type === 'dimensions' && c.dimensions) measured.set(c.id, c.dimensions);
      }
      if (moved.size > 0) setDragged((d) => new Map([...d, ...moved]));
      if (measured.size > 0) setSizes((m) => new Map([...m, ...measured]));
      if (selected.size > 0) reportSelection(selected, new Map());
    },
    [reportSelection],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = new Map<string, boolean>();
      for (const c of changes) if (c.type === 'select') selected.set(c.id, c.selected);
      if (selected.size > 0) reportSelection(new Map(), selected);
    },
    [reportSelection],
  );
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
      setDragged(new Map());
    },
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
  // Dropping a line anywhere on another box (not only on its small handle) connects to it.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const under = point ? globalThis.document.elementFromPoint(point.clientX, point.clientY) : null;
      const target = under?.closest('.react-flow__node-box')?.getAttribute('data-id');
      if (!target) return;
      const handle = state.fromHandle?.id;
      const row = handle && handle !== 'out' ? { sourceRow: handle } : {};
      const at = flow.getNode(target)?.position ?? { x: 0, y: 0 };
      events?.onConnect?.({ source: state.fromNode.id, target, at, ...row });
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
  // The canvas is focusable, so a click on it gives it the keyboard (before, focus stayed on the
  // page and every shortcut was dead until a box had been clicked); it answers the keys of the
  // view itself: zoom, fit, and arrows that pan when nothing is selected (with a selection, the
  // owner's arrows move it).
  const nothingSelected = (selection?.boxes.length ?? 0) + (selection?.links.length ?? 0) === 0;
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const step = e.shiftKey ? 240 : 60;
      const pans: Record<string, [number, number]> = {
        ArrowLeft: [step, 0],
        ArrowRight: [-step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const pan = pans[e.key];
      if (e.key === '+' || e.key === '=') void flow.zoomIn({ duration: 150 });
      else if (e.key === '-' || e.key === '_') void flow.zoomOut({ duration: 150 });
      else if (e.key === '0') void flow.zoomTo(1, { duration: 150 });
      else if (e.key === '!' || (e.shiftKey && e.code === 'Digit1')) void flow.fitView({ ...FIT_VIEW, duration: 200 });
      else if (pan && nothingSelected) {
        const { x, y, zoom } = flow.getViewport();
        void flow.setViewport({ x: x + pan[0], y: y + pan[1], zoom }, { duration: 100 });
      } else return;
      e.preventDefault();
      e.stopPropagation();
    },
    [flow, nothingSelected],
  );
  // A pan or zoom in progress, for the `diagram-moving` class (see flow.css).
  const [moving, setMoving] = useState(false);
  const onMoveStart = useCallback(() => setMoving(true), []);
  const onMoveEnd = useCallback(() => setMoving(false), []);
  // Zoomed out past reading, rows are drawn as lines and lines lose their labels; until the first
  // fit (a large diagram opens zoomed out) nothing is written out that the fit would then hide.
  const rows = useStore((s) => !s.fitViewQueued && s.transform[2] >= ROWS_ZOOM);
  const labels = useStore((s) => !s.fitViewQueued && s.transform[2] >= LABELS_ZOOM);
  const detail = useMemo<DiagramDetail>(() => ({ rows, labels }), [rows, labels]);
  // The mini map stands over the canvas's corner: on a narrow canvas (beside the text pane, a
  // small window) it would hide much of the diagram, so there it starts hidden; the button beside
  // the zoom buttons shows or hides it either way.
  const narrow = useStore((s) => s.width > 0 && s.width < NARROW_CANVAS);
  const [miniMapAsked, setMiniMapAsked] = useState<boolean | null>(null);
  const miniMap = miniMapAsked ?? !narrow;
  // Written out again, rows have their handles back: React Flow measures them, or a line could
  // not be drawn from a field's row (boxes mounted later are measured as they mount).
  const rowsBefore = useRef(rows);
  useEffect(() => {
    if (rows && !rowsBefore.current) updateNodeInternals(diagram.boxes.map((b) => b.id));
    rowsBefore.current = rows;
  }, [rows, diagram, updateNodeInternals]);
  return (
    <DetailContext.Provider value={detail}>
      <ReactFlow
        {...(moving ? { className: 'diagram-moving' } : {})}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodes={allNodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDoubleClick={onDoubleClick}
        connectionMode={ConnectionMode.Loose}
        colorMode={dark ? 'dark' : 'light'}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={MIN_ZOOM}
        snapToGrid
        snapGrid={SNAP_GRID}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements={diagram.boxes.length > 60}
        proOptions={PRO_OPTIONS}
      >
        <CrowFootMarkers />
        <Background gap={GRID_STEP} />
        {miniMap && <MiniMap pannable zoomable ariaLabel="Mini map" style={MINI_MAP_SIZE} />}
        <Controls showInteractive={false}>
          <ControlButton
            onClick={() => setMiniMapAsked(!miniMap)}
            title={miniMap ? 'Hide the mini map' : 'Show the mini map'}
            aria-label="Mini map"
            aria-pressed={miniMap}
          >
            ▣
          </ControlButton>
        </Controls>
      </ReactFlow>
    </DetailContext.Provider>
  );
}

/** The React Flow canvas of a diagram; loaded lazily through `DiagramView`. */
export default function FlowDiagram(props: DiagramViewProps) {
  const [made] = useState<Made>(() => ({ nodes: new Map(), edges: new Map(), arrays: new Map() }));
  return (
    <ReactFlowProvider>
      <Canvas {...props} made={made} />
    </ReactFlowProvider>
  );
}
