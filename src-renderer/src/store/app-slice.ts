/**
 * Everything else the page shows: the workspace, the theme choice, toasts, settings, key status,
 * history, recent files and what the host can do.
 */
import type { StateCreator } from 'zustand';
import type { AppInfo, Provider, RecentDocument, RunRecord, Settings, Theme } from '../../../src-shared/api';

export const WORKSPACES = ['erd', 'review', 'dashboard', 'settings'] as const;
export type Workspace = (typeof WORKSPACES)[number];

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface AppSlice {
  info: AppInfo | null;
  workspace: Workspace;
  theme: Theme;
  toasts: Toast[];
  settings: Settings | null;
  keys: Partial<Record<Provider, boolean>>;
  history: RunRecord[];
  recentFiles: RecentDocument[];
  setWorkspace(workspace: Workspace): void;
  setTheme(theme: Theme): void;
  pushToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
  patch(values: Partial<Pick<AppSlice, 'info' | 'settings' | 'keys' | 'history' | 'recentFiles'>>): void;
}

let nextToast = 1;
export const MAX_TOASTS = 4;

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  info: null,
  workspace: 'erd',
  theme: 'system',
  toasts: [],
  settings: null,
  keys: {},
  history: [],
  recentFiles: [],
  setWorkspace: (workspace) => set({ workspace }),
  setTheme: (theme) => set({ theme }),
  pushToast: (kind, text) =>
    set((s) => ({ toasts: [...s.toasts, { id: nextToast++, kind, text }].slice(-MAX_TOASTS) })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  patch: (values) => set(values),
});
