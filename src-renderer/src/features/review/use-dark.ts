/**
 * Whether the review is dark, following the system's scheme as it changes when the person chose
 * `system` (the page's CSS follows the media query by itself; Monaco's theme must be told).
 */
import { useSyncExternalStore } from 'react';
import { isDark } from '@renderer/lib/theme';
import { useStudio } from '@renderer/store';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const media = matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const systemDark = () => typeof matchMedia === 'function' && matchMedia(QUERY).matches;

export function useDark(): boolean {
  const theme = useStudio((s) => s.theme);
  const system = useSyncExternalStore(subscribe, systemDark, () => false);
  return theme === 'system' ? system : isDark(theme);
}
