/**
 * The core's validation of the open document (the contract's `validateErd`), kept off the
 * typing path: a check runs a moment after the last change, and a stale answer is dropped.
 */
import { useEffect, useState } from 'react';
import { call } from '@renderer/lib/call';
import type { Diagnostic } from '@shared/diagnostics';
import type { Erd } from '@shared/erd/model';

const DELAY_MS = 200;

/** Every diagnostic of `erd` (null until the first answer). */
export function useDiagnostics(erd: Erd | null): Diagnostic[] | null {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[] | null>(null);
  useEffect(() => {
    if (!erd) return;
    let stale = false;
    const timer = setTimeout(() => {
      void call('validateErd', { erd }).then((r) => {
        if (!stale && r) setDiagnostics(r.diagnostics);
      });
    }, DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [erd]);
  return diagnostics;
}

/** The entity a diagnostic's path is about (`entities.Job.fields.x` → `Job`; relations → their `from`). */
export function entityOfPath(path: string | undefined): string | null {
  const m = /^(?:entities|relations)\.([^.[]+)/.exec(path ?? '');
  return m?.[1] ?? null;
}

/** Entities with at least one error, to mark on the canvas. */
export function flaggedEntities(diagnostics: readonly Diagnostic[] | null): Set<string> {
  const out = new Set<string>();
  for (const d of diagnostics ?? []) {
    const entity = d.severity === 'error' ? entityOfPath(d.path) : null;
    if (entity) out.add(entity);
  }
  return out;
}

/**
 * The errors the core finds at `path` in `candidate` (a document with a name being typed put in
 * place), so a name is checked as it is typed: identifier, keyword, reserved, duplicate, clash.
 */
export function useNameCheck(candidate: Erd | null, path: string): string[] {
  const [answer, setAnswer] = useState<{ about: Erd | null; errors: string[] }>({ about: null, errors: [] });
  useEffect(() => {
    if (!candidate) return;
    let stale = false;
    const timer = setTimeout(() => {
      void call('validateErd', { erd: candidate }).then((r) => {
        if (stale || !r) return;
        const here = r.diagnostics.filter(
          (d) => d.severity === 'error' && (d.path === path || d.path?.startsWith(`${path}.`) === true),
        );
        setAnswer({ about: candidate, errors: [...new Set(here.map((d) => d.message))] });
      });
    }, DELAY_MS / 2);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [candidate, path]);
  return candidate !== null && answer.about === candidate ? answer.errors : [];
}
