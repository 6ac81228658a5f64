/**
 * What the whole page shares: what the host can do, the workspace on screen, the theme choice
 * and the toasts. Each feature owns the rest of the state in its own slice.
 */
import type { StateCreator } from 'zustand';
import type { AppInfo, Theme } from '@shared/api';

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
  setInfo(info: AppInfo): void;
  setWorkspace(workspace: Workspace): void;
  setTheme(theme: Theme): void;
  pushToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
}

let nextToast = 1;
export const MAX_TOASTS = 4;

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  info: null,
  workspace: 'erd',
  theme: 'system',
  toasts: [],
  setInfo: (info) => set({ info }),
  setWorkspace: (workspace) => set({ workspace }),
  setTheme: (theme) => set({ theme }),
  // The same message again (two saves in a row) replaces the one showing, with a fresh timer,
  // rather than stacking a copy above it.
  pushToast: (kind, text) =>
    set((s) => ({
      toasts: [...s.toasts.filter((t) => t.kind !== kind || t.text !== text), { id: nextToast++, kind, text }].slice(
        -MAX_TOASTS,
      ),
    })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
