import { useStudio } from '@renderer/store';
import { clearRecentFiles, openDocument } from './actions';

/** The files opened lately, one click to reopen. */
export function RecentFiles() {
  const recent = useStudio((s) => s.recentFiles);
  if (recent.length === 0) return null;
  return (
    <nav className="recent" aria-label="Recent files">
      <span className="muted">Recent:</span>
      {recent.map((f) => (
        <button
          key={f.path}
          type="button"
          className="link"
          title={f.path}
          onClick={() => void openDocument(undefined, f.file)}
        >
          {f.name}
        </button>
      ))}
      <button type="button" className="link muted" onClick={() => void clearRecentFiles()}>
        clear
      </button>
    </nav>
  );
}
