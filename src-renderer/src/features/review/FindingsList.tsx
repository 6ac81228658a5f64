import type { Diagnostic } from '@shared/diagnostics';

/** The findings under the editor; clicking one puts the cursor on its line. */
export function FindingsList({
  path,
  findings,
  onReveal,
}: {
  path: string;
  findings: readonly Diagnostic[];
  onReveal(line: number): void;
}) {
  if (findings.length === 0) return <p className="findings-none muted">No findings in {path}.</p>;
  return (
    <ul className="diagnostics findings" aria-label={`Findings in ${path}`}>
      {findings.map((d, i) => (
        <li key={`${d.code}-${d.line ?? 0}-${i}`} className={`diag-${d.severity}`}>
          <button
            type="button"
            className="link"
            disabled={d.line === undefined}
            onClick={() => d.line !== undefined && onReveal(d.line)}
          >
            {d.line !== undefined ? `line ${d.line}` : 'file'}
          </button>{' '}
          <span className="severity">{d.severity}</span> <code>{d.code}</code> {d.message}
        </li>
      ))}
    </ul>
  );
}
