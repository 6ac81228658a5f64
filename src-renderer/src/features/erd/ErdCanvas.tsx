import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { DiagramView } from '@renderer/lib/flow/DiagramView';
import { GRID_STEP, type DiagramEvents, type DiagramSelection } from '@renderer/lib/flow/diagram';
import { isDark } from '@renderer/lib/theme';
import { studioState, useStudio } from '@renderer/store';
import type { Erd, RelationKind } from '@shared/erd/model';
import {
  addEntityAt,
  deleteSelection,
  drawRelation,
  duplicateSelection,
  moveEntities,
  nudgeSelection,
  selectAll,
} from './canvas-actions';
import { autoLayout } from './auto-layout-action';
import { diagramOfErd } from './erd-diagram';
import { SHORTCUTS, ShortcutHelp } from './ShortcutHelp';

const KINDS: { kind: RelationKind; label: string }[] = [
  { kind: 'manyToOne', label: 'Many-to-one' },
  { kind: 'oneToOne', label: 'One-to-one' },
  { kind: 'manyToMany', label: 'Many-to-many' },
];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Asks which kind of relation the line just drawn is. */
function KindChooser(props: { from: string; to: string; onDone: () => void }) {
  return (
    <div className="kind-chooser" role="dialog" aria-label="Relation kind">
      <p>
        {props.from} → {props.to}
      </p>
      {KINDS.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          onClick={() => {
            drawRelation(props.from, props.to, kind);
            props.onDone();
          }}
        >
          {label}
        </button>
      ))}
      <button type="button" onClick={props.onDone}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The editable diagram: entities and relations on the canvas, the canvas toolbar, keyboard
 * shortcuts (with their `?` overlay), and the chooser that asks the kind of a drawn relation.
 */
export function ErdCanvas(props: { erd: Erd; flagged: ReadonlySet<string>; focus?: { box: string } }) {
  const { erd, flagged } = props;
  const dark = useStudio((s) => isDark(s.theme));
  const selection = useStudio((s) => s.selection);
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  const [help, setHelp] = useState(false);
  // The box to bring into view: the one asked by the owner (an issue clicked) or just added.
  const [focus, setFocus] = useState(props.focus ?? null);
  const [askedFocus, setAskedFocus] = useState(props.focus);
  if (props.focus !== askedFocus) {
    setAskedFocus(props.focus);
    setFocus(props.focus ?? null);
  }
  const add = (at: { x: number; y: number }) => {
    const name = addEntityAt(at);
    if (name) setFocus({ box: name });
  };
  const diagram = useMemo(() => diagramOfErd(erd, flagged), [erd, flagged]);
  // A document just opened or imported without positions is laid out once (an undoable step).
  const fresh = useStudio((s) => s.undoStack.length + s.redoStack.length === 0);
  const unplaced = fresh && erd.entities.length > 1 && Object.keys(erd.layout?.positions ?? {}).length === 0;
  useEffect(() => {
    if (unplaced) void autoLayout();
  }, [unplaced]);
  const shown = useMemo<DiagramSelection>(
    () => ({ boxes: selection.entities, links: selection.relations }),
    [selection],
  );
  const positionOf = useCallback((name: string) => diagram.boxes.find((b) => b.id === name)?.position, [diagram]);
  const events = useMemo<DiagramEvents>(
    () => ({
      onMoveEnd: moveEntities,
      onSelectionChange: ({ boxes, links }) => {
        const now = studioState().selection;
        if (sameList(now.entities, boxes) && sameList(now.relations, links)) return;
        studioState().setSelection({ entities: boxes, relations: links });
      },
      onConnect: ({ source, target }) => setPending({ from: source, to: target }),
      onPaneDoubleClick: addEntityAt,
    }),
    [],
  );
  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    const step = e.shiftKey ? GRID_STEP * 5 : GRID_STEP;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const arrow = arrows[e.key];
    let handled = true;
    if (arrow) nudgeSelection(arrow[0], arrow[1], positionOf);
    else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelection();
    else if (mod && e.key.toLowerCase() === 'd') duplicateSelection();
    else if (mod && e.key.toLowerCase() === 'a') selectAll();
    else if (!mod && e.key.toLowerCase() === 'n') add(freeSpot(diagram.boxes.map((b) => b.position)));
    else if (!mod && e.key.toLowerCase() === 'l') void autoLayout();
    else if (e.key === '?') setHelp((h) => !h);
    else if (e.key === 'Escape') {
      setHelp(false);
      setPending(null);
      studioState().setSelection({ entities: [], relations: [] });
    } else handled = false;
    if (handled) e.preventDefault();
  };
  const some = selection.entities.length + selection.relations.length > 0;
  return (
    <div className="erd-canvas" onKeyDown={onKeyDown}>
      <div className="canvas-toolbar" role="toolbar" aria-label="Diagram actions">
        <button type="button" onClick={() => add(freeSpot(diagram.boxes.map((b) => b.position)))} title={SHORTCUTS.add}>
          Add entity
        </button>
        <button type="button" disabled={!some} onClick={deleteSelection} title={SHORTCUTS.delete}>
          Delete
        </button>
        <button
          type="button"
          disabled={selection.entities.length === 0}
          onClick={duplicateSelection}
          title={SHORTCUTS.duplicate}
        >
          Duplicate
        </button>
        <button type="button" onClick={() => void autoLayout()} title="L">
          Auto-layout
        </button>
        <button type="button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
          ?
        </button>
      </div>
      <DiagramView
        diagram={diagram}
        dark={dark}
        label="Diagram"
        events={events}
        selection={shown}
        {...(focus ? { focus } : {})}
      />
      {pending && <KindChooser from={pending.from} to={pending.to} onDone={() => setPending(null)} />}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

/** Below everything already placed, on the grid, so a new entity never covers another. */
export function freeSpot(positions: { x: number; y: number }[]): { x: number; y: number } {
  if (positions.length === 0) return { x: 0, y: 0 };
  const bottom = Math.max(...positions.map((p) => p.y));
  const left = Math.min(...positions.map((p) => p.x));
  return { x: left, y: Math.ceil((bottom + 300) / GRID_STEP) * GRID_STEP };
}
