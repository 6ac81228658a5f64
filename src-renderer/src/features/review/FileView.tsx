import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DiffView, type DiffMarker } from '@renderer/lib/monaco/DiffView';
import { useStudio } from '@renderer/store';
import type { Diagnostic } from '@shared/diagnostics';
import type { FileReview } from '@shared/api';
import { decideFiles } from './actions';
import { discardEdit, editorChanged, keepEdit, loadBases } from './edit-actions';
import { FindingsList } from './FindingsList';
import { useStreamedText } from './regeneration-text';
import type { DiffBase } from './review-slice';
import { ScorePanel } from './ScorePanel';
import { useDark } from './use-dark';

const BASE_LABELS: Record<DiffBase, string> = {
  previous: 'Previous version',
  draft: 'Offline draft',
  disk: 'File on disk',
  lastGenerated: 'Last generation',
};

function markersOf(findings: readonly Diagnostic[]): DiffMarker[] {
  return findings.flatMap((d) =>
    d.line === undefined
      ? []
      : [
          {
            severity: d.severity,
            line: d.line,
            ...(d.column !== undefined ? { column: d.column } : {}),
            code: d.code,
            message: d.message,
          },
        ],
  );
}

/**
 * One file under review: its decisions, the diff of its current version against the chosen base
 * (right side editable; the live check's score and markers follow typing), its findings, and the
 * side panel with the score's reasons and regeneration with feedback.
 */
export function FileView({ file }: { file: FileReview }) {
  const dark = useDark();
  const { check, bases, chosenBase, inline } = useStudio(
    useShallow((s) => ({
      check: s.checks[file.path],
      bases: s.bases[file.path],
      chosenBase: s.diffBase,
      inline: s.inlineDiff,
    })),
  );
  const streamed = useStreamedText(file.path);
  const [reveal, setReveal] = useState<{ line: number; nonce: number } | null>(null);
  useEffect(() => {
    if (!bases) void loadBases(file.path);
  }, [file.path, bases]);
  const findingStep = useStudio((s) => s.findingStep);
  const [stepSeen, setStepSeen] = useState(findingStep);

  const current = file.versions[file.current];
  const texts: Record<DiffBase, string | null> = {
    previous: file.current > 0 ? (file.versions[file.current - 1]?.content ?? null) : null,
    draft: bases?.draft ?? null,
    disk: bases?.onDisk ?? null,
    lastGenerated: bases?.lastGenerated ?? null,
  };
  const available = (Object.keys(texts) as DiffBase[]).filter((b) => texts[b] !== null);
  const base: DiffBase | null =
    chosenBase && texts[chosenBase] !== null
      ? chosenBase
      : (available.find((b) => b === 'previous') ?? available[0] ?? null);
  const live = check?.version ?? null;
  const findings = live ? live.findings : file.findings;
  const text = streamed ?? check?.content ?? current?.content ?? '';
  const editKey = `${file.path}#${file.current}`;
  if (findingStep !== stepSeen) {
    // The "next finding" key: the first finding below the one revealed last, else the first.
    setStepSeen(findingStep);
    const lines = findings.flatMap((d) => (d.line === undefined ? [] : [d.line])).sort((a, b) => a - b);
    const next = lines.find((l) => l > (reveal?.line ?? 0)) ?? lines[0];
    if (next !== undefined) setReveal({ line: next, nonce: (reveal?.nonce ?? 0) + 1 });
  }

  return (
    <article className="file-view" aria-label={`Content of ${file.path}`}>
      <header className="file-toolbar">
        <strong>{file.path}</strong>
        <span className="muted">
          {file.agent ?? 'file'} · version {file.current + 1} of {file.versions.length}
        </span>
        <button
          type="button"
          disabled={file.failed !== null || check !== undefined}
          onClick={() => void decideFiles([file.path], 'approved')}
        >
          Approve
        </button>
        <button type="button" onClick={() => void decideFiles([file.path], 'skipped')}>
          Skip
        </button>
        {check && (
          <>
            <button type="button" className="primary" onClick={() => void keepEdit(file.path)}>
              Keep edit
            </button>
            <button type="button" onClick={() => discardEdit(file.path)}>
              Discard edit
            </button>
          </>
        )}
        <span className="spacer" />
        <label>
          Compare with{' '}
          <select
            aria-label="Compare with"
            value={base ?? ''}
            onChange={(e) => useStudio.getState().setDiff({ base: (e.target.value || null) as DiffBase | null })}
          >
            {available.length === 0 && <option value="">nothing (no other version yet)</option>}
            {available.map((b) => (
              <option key={b} value={b}>
                {BASE_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={inline}
            onChange={(e) => useStudio.getState().setDiff({ inline: e.target.checked })}
          />{' '}
          Inline
        </label>
      </header>
      {file.failed && <p className="diag-error">Generation failed: {file.failed}</p>}
      <div className="file-main">
        <div className="file-editor">
          <DiffView
            path={file.path}
            modelKey={editKey}
            original={base ? (texts[base] ?? '') : (current?.content ?? '')}
            modified={text}
            readOnly={streamed !== null}
            inline={inline}
            dark={dark}
            markers={markersOf(findings)}
            reveal={reveal}
            onChange={(t) => editorChanged(file.path, t)}
          />
          <FindingsList
            path={file.path}
            findings={findings}
            onReveal={(line) => setReveal({ line, nonce: (reveal?.nonce ?? 0) + 1 })}
          />
        </div>
        <ScorePanel file={file} live={live} checking={check !== undefined && live === null} />
      </div>
    </article>
  );
}
