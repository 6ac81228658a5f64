import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Toasts } from '@renderer/components/Toasts';
import { DashboardWorkspace } from '@renderer/features/dashboard';
import { ErdWorkspace, RecentFiles } from '@renderer/features/erd';
import { ReviewWorkspace } from '@renderer/features/review';
import { RunPanel } from '@renderer/features/run';
import { SettingsWorkspace } from '@renderer/features/settings';
import { useStudio } from '@renderer/store';
import { WORKSPACES, type Workspace } from '@renderer/store/app-slice';
import { DropZone } from './DropZone';
import { Toolbar } from './Toolbar';

const TITLES: Record<Workspace, string> = {
  erd: 'ERD',
  review: 'Review',
  dashboard: 'Dashboard',
  settings: 'Settings',
};

function showWorkspace(workspace: Workspace): void {
  useStudio.getState().setWorkspace(workspace);
}

/** The shell: toolbar, workspaces, run panel, toasts, and drop-to-open. */
export function App() {
  const { workspace, theme, name, dirty } = useStudio(
    useShallow((s) => ({ workspace: s.workspace, theme: s.theme, name: s.document?.name ?? '', dirty: s.dirty })),
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
          <button key={w} type="button" role="tab" aria-selected={workspace === w} onClick={() => showWorkspace(w)}>
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
