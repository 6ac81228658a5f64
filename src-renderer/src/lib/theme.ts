import type { Theme } from '@shared/api';

/** Whether the page is dark: the user's choice, or the system's when they chose `system`. */
export function isDark(theme: Theme): boolean {
  if (theme !== 'system') return theme === 'dark';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
