/**
 * Automatic layout of a diagram with ELK (layered), computed in ELK's own Web Worker so a large
 * diagram never blocks the page. Import this module dynamically: ELK and its worker load with the
 * first layout, not with the app.
 */
import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?worker&url';
import { elkGraph, positionsOf, type LayoutBox, type LayoutLink, type Positions } from './elk-graph';

export type { LayoutBox, LayoutLink, Positions };

let elk: InstanceType<typeof ELK> | null = null;

/** Top-left positions for every box, lines flowing from the referenced box to the referencing one. */
export async function layoutDiagram(boxes: LayoutBox[], links: LayoutLink[]): Promise<Positions> {
  // Vite bundles the worker as an ES module, so it is started as one.
  elk ??= new ELK({ workerUrl, workerFactory: (url) => new Worker(url ?? workerUrl, { type: 'module' }) });
  try {
    return positionsOf(await elk.layout(elkGraph(boxes, links)));
  } catch (e) {
    elk = null;
    throw new Error(`The automatic layout failed: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
