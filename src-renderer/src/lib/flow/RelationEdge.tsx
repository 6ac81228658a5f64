import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import type { DiagramLink, LinkEnd } from './diagram';
import { DetailContext } from './EntityNode';

export type LinkEdge = Edge<{ link: DiagramLink }, 'relation'>;

/** Crow's-foot end markers, drawn once per canvas and referenced by id. */
export function CrowFootMarkers() {
  const stroke = 'var(--diagram-line, #8c959f)';
  const common = { markerWidth: 24, markerHeight: 24, refX: 22, refY: 12, orient: 'auto-start-reverse' as const };
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden="true">
      <defs>
        <marker id="crow-one" viewBox="0 0 24 24" {...common}>
          <path d="M16 4 V20 M12 4 V20" stroke={stroke} fill="none" strokeWidth="1.5" />
        </marker>
        <marker id="crow-zeroOrOne" viewBox="0 0 24 24" {...common}>
          <path d="M18 4 V20" stroke={stroke} fill="none" strokeWidth="1.5" />
          <circle cx="9" cy="12" r="4" stroke={stroke} fill="var(--bg, #fff)" strokeWidth="1.5" />
        </marker>
        <marker id="crow-many" viewBox="0 0 24 24" {...common}>
          <path d="M24 4 L14 12 L24 20 M14 12 H24 M12 4 V20" stroke={stroke} fill="none" strokeWidth="1.5" />
        </marker>
        <marker id="crow-zeroOrMany" viewBox="0 0 24 24" {...common}>
          <path d="M24 4 L14 12 L24 20 M14 12 H24" stroke={stroke} fill="none" strokeWidth="1.5" />
          <circle cx="8" cy="12" r="4" stroke={stroke} fill="var(--bg, #fff)" strokeWidth="1.5" />
        </marker>
      </defs>
    </svg>
  );
}

export const markerId = (end: LinkEnd): string => `crow-${end}`;

/**
 * A relation: a right-angled line from the foreign key's row to the target's header with
 * crow's-foot ends; a self-reference loops over the top of its entity.
 */
function RelationEdgeViewInner(props: EdgeProps<LinkEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, source, target, data, selected } = props;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (source === target) {
    const right = sourceX + 36;
    const left = targetX - 36;
    const top = Math.min(sourceY, targetY) - 48;
    path = `M ${sourceX} ${sourceY} H ${right} V ${top} H ${left} V ${targetY} H ${targetX}`;
    labelX = (left + right) / 2;
    labelY = top;
  } else {
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 8,
    });
  }
  const link = data?.link;
  const { labels } = useContext(DetailContext);
  return (
    <>
      <BaseEdge
        path={path}
        markerStart={link ? `url(#${markerId(link.sourceEnd)})` : undefined}
        markerEnd={link ? `url(#${markerId(link.targetEnd)})` : undefined}
        className={selected ? 'relation-edge selected' : 'relation-edge'}
        interactionWidth={14}
      />
      {link && labels && (
        <EdgeLabelRenderer>
          <div
            className={`relation-label${selected ? ' selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {link.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RelationEdgeView = memo(RelationEdgeViewInner);
