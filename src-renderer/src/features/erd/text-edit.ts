/**
 * The text pane's model: the document shown as DBML or DjForge JSON, and text edited there
 * applied back as one undoable step — or refused with the parser's place and message. DBML holds
 * only tables, columns and references, so applying DBML keeps what it cannot express (project
 * settings, auth, API options, rules, positions and colours) from the document.
 */
import { callResult } from '@renderer/lib/call';
import { studioState } from '@renderer/store';
import type { Erd } from '@shared/erd/model';
import { placeUnplaced } from './auto-layout-action';
import { perform } from './canvas-actions';

export type TextFormat = 'dbml' | 'json';

/** The document as text in `format`, or the error's sentence. */
export async function documentText(erd: Erd, format: TextFormat): Promise<{ text: string } | { error: string }> {
  const result = await callResult('exportErd', { erd, format: format === 'json' ? 'djforge-erd' : 'dbml' });
  return result.ok ? { text: result.value.text } : { error: result.error.message };
}

/** What the document becomes when DBML text replaces its tables: everything else kept. */
export function withTablesOf(current: Erd, parsed: Erd): Erd {
  const names = new Set(parsed.entities.map((e) => e.name));
  const positions = Object.fromEntries(
    Object.entries(current.layout?.positions ?? {}).filter(([name]) => names.has(name)),
  );
  return {
    ...current,
    entities: parsed.entities,
    relations: parsed.relations,
    layout: { ...current.layout, positions },
  };
}

/**
 * Parses `text` and applies it as one `Text edit`; returns null when applied (or unchanged), else
 * the refusal to show (the parser's line, column and message).
 */
export async function applyDocumentText(text: string, format: TextFormat): Promise<string | null> {
  const current = studioState().document?.erd;
  if (!current) return 'No document is open.';
  const result = await callResult('importErd', {
    text,
    fileName: format === 'json' ? 'document.json' : 'document.dbml',
  });
  if (!result.ok) return result.error.message;
  const parsed = result.value.erd;
  // Laying out new tables takes a moment; the document may change meanwhile (its own first
  // layout, say), so the text is applied to the document as it is once the positions are known.
  const placed = await placeUnplaced(format === 'json' ? parsed : withTablesOf(current, parsed));
  const latest = studioState().document?.erd;
  if (!latest) return 'No document is open.';
  let next = placed;
  if (format === 'dbml') {
    const kept = withTablesOf(latest, parsed);
    const positions = { ...placed.layout?.positions, ...kept.layout?.positions };
    next = { ...kept, layout: { ...kept.layout, positions } };
  }
  if (JSON.stringify(next) === JSON.stringify(latest)) return null;
  return perform({ kind: 'replace', label: 'Text edit', from: latest, to: next }) ? null : 'The edit was refused.';
}

/**
 * Where a refusal points in the text: the `(line:column)` the importer puts in its message
 * (`document.dbml (2:12): The DBML does not parse: …`), so the editor can mark that line; null
 * when the message names no place (a model error, say).
 */
export function refusalPlace(message: string): { line: number; column: number } | null {
  const m = /\((\d+):(\d+)\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}
