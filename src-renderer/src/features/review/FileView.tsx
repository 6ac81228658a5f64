import { CodeView } from '@renderer/lib/monaco/CodeView';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';
import { formatDiagnostic } from '@shared/diagnostics-format';
import type { GeneratedFileView } from '@shared/api';
import { decideFiles } from './actions';

/** One generated file: what made it, its decision buttons, its findings and its code in Monaco. */
export function FileView({ file }: { file: GeneratedFileView }) {
  const findings = useStudio((s) => s.run?.findings[file.path]);
  const dark = useStudio((s) => isDark(s.theme));
  return (
    <article className="file-view" aria-label={`Content of ${file.path}`}>
      <header>
        <strong>{file.path}</strong>{' '}
        <span className="muted">
          {file.agent} · {file.bytes} bytes
        </span>
        <button type="button" onClick={() => void decideFiles([file.path], 'approved')}>
          Approve
        </button>
        <button type="button" onClick={() => void decideFiles([file.path], 'skipped')}>
          Skip
        </button>
      </header>
      {findings && findings.length > 0 && (
        <ul className="diagnostics" aria-label={`Findings in ${file.path}`}>
          {findings.map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
      <CodeView path={file.path} text={file.content} dark={dark} />
    </article>
  );
}
