import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '@renderer/store';
import { selectFile } from './actions';

/** The run's files, sorted by path, each with its findings count, decision and source. */
export function FileList({ paths, current }: { paths: string[]; current: string | undefined }) {
  const { files, decisions, findings } = useStudio(
    useShallow((s) => ({
      files: s.run?.files ?? [],
      decisions: s.run?.decisions ?? {},
      findings: s.run?.findings ?? {},
    })),
  );
  const source = new Map(files.map((f) => [f.path, f.source]));
  return (
    <ul className="file-list" aria-label="Files">
      {paths.map((path) => {
        const count = (findings[path] ?? []).length;
        const decision = decisions[path] ?? 'pending';
        return (
          <li key={path} className={path === current ? 'selected' : ''}>
            <button type="button" className="link" aria-current={path === current} onClick={() => selectFile(path)}>
              {path}
            </button>
            {count > 0 && (
              <span className="findings-count" title="Validation findings">
                ⚠ {count}
              </span>
            )}
            <span className={`decision decision-${decision}`}>{decision}</span>
            <span className="muted">{source.get(path)}</span>
          </li>
        );
      })}
    </ul>
  );
}
