/** Reading and changing the settings, the theme and the provider keys through the host. */
import { call } from '@renderer/lib/call';
import { isDark } from '@renderer/lib/theme';
import { showInfo, studioState } from '@renderer/store';
import type { Provider, SettingsPatch } from '@shared/api';

export async function loadSettings(): Promise<void> {
  const settings = await call('getSettings', {});
  if (!settings) return;
  studioState().setSettings(settings);
  studioState().setTheme(settings.theme);
}

/** Saves a patch; true when the host accepted it. */
export async function saveSettings(patch: SettingsPatch): Promise<boolean> {
  const settings = await call('updateSettings', patch);
  if (!settings) return false;
  studioState().setSettings(settings);
  studioState().setTheme(settings.theme);
  showInfo('Settings saved.');
  return true;
}

export async function refreshKey(provider: Provider): Promise<void> {
  const status = await call('hasApiKey', { provider });
  if (status) studioState().setKeyStatus(provider, status.set);
}

/** Stores a provider's key, or removes it with `null`; the page learns only whether one is set. */
export async function storeKey(provider: Provider, key: string | null): Promise<void> {
  const status = await call('setApiKey', { provider, key });
  if (status) studioState().setKeyStatus(provider, status.set);
}

/** Switches between light and dark (from `system`, to the opposite of what shows) and keeps it. */
export async function toggleTheme(): Promise<void> {
  const next = isDark(studioState().theme) ? 'light' : 'dark';
  studioState().setTheme(next);
  const settings = await call('updateSettings', { theme: next });
  if (settings) studioState().setSettings(settings);
}
