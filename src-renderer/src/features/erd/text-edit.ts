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
  let next = format === 'json' ? result.value.erd : withTablesOf(current, result.value.erd);
  next = await placeUnplaced(next);
  if (studioState().document?.erd !== current) return 'The document changed meanwhile; apply the text again.';
  if (JSON.stringify(next) === JSON.stringify(current)) return null;
  return perform({ kind: 'replace', label: 'Text edit', from: current, to: next }) ? null : 'The edit was refused.';
}
