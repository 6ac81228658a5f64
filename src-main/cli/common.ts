/** Exit codes, options and printing shared by the CLI commands. */
import { formatDiagnostic, type Diagnostic } from '../../src-shared/diagnostics';
import type { CliIo } from './io';

export const EXIT = { ok: 0, notApproved: 1, usage: 2, writeFailed: 3 } as const;

export interface CliOptions {
  out?: string;
  force?: boolean;
  json?: string;
  quiet?: boolean;
}

/** Print diagnostics to stderr, errors first, one per line; `quiet` keeps only errors. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], quiet = false): void {
  const shown = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const d of [...shown].sort((a, b) => order[a.severity] - order[b.severity])) io.stderr(`${formatDiagnostic(d)}\n`);
}
