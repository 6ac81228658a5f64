import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DropZone } from './components/DropZone';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { DashboardWorkspace } from './features/dashboard/DashboardWorkspace';
import { ErdWorkspace } from './features/erd/ErdWorkspace';
import { ReviewWorkspace } from './features/review/ReviewWorkspace';
import { RunPanel } from './features/run/RunPanel';
import { SettingsWorkspace } from './features/settings/SettingsWorkspace';
import { useStudio } from './store';
import { clearRecent, openDocument } from './store/actions';
import { WORKSPACES, type Workspace } from './store/app-slice';

const TITLES: Record<Workspace, string> = {
  erd: 'ERD',
  review: 'Review',
  dashboard: 'Dashboard',
  settings: 'Settings',
};

function RecentFiles() {
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
      <button type="button" className="link muted" onClick={() => void clearRecent()}>
        clear
      </button>
    </nav>
  );
}

/** The shell: toolbar, workspaces, run panel, toasts, and drop-to-open. */
export function App() {
  const { workspace, theme, name, dirty, setWorkspace } = useStudio(
    useShallow((s) => ({
      workspace: s.workspace,
      theme: s.theme,
      name: s.document?.name ?? '',
      dirty: s.dirty,
      setWorkspace: s.setWorkspace,
    })),
  );
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return (
    <div className="app">
      <header className="topbar">
        <h1>DjForge Studio</h1>
        <span className="doc-name" aria-label="Open document">
          {dirty ? '• ' : ''}
          {name}
        </span>
        <Toolbar />
      </header>
      <RecentFiles />
      <nav className="tabs" role="tablist" aria-label="Workspaces">
        {WORKSPACES.map((w) => (
          <button key={w} type="button" role="tab" aria-selected={workspace === w} onClick={() => setWorkspace(w)}>
            {TITLES[w]}
          </button>
        ))}
      </nav>
      <main className="workspace">
        {workspace === 'erd' && <ErdWorkspace />}
        {workspace === 'review' && <ReviewWorkspace />}
        {workspace === 'dashboard' && <DashboardWorkspace />}
        {workspace === 'settings' && <SettingsWorkspace />}
      </main>
      <RunPanel />
      <Toasts />
      <DropZone />
    </div>
  );
}
