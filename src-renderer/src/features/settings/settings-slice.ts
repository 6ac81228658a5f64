/**
 * The settings feature's state: the settings as the host last returned them, and which
 * providers have a key (the keys themselves never reach the page).
 */
import type { StateCreator } from 'zustand';
import type { Provider, Settings } from '@shared/api';

export interface SettingsSlice {
  settings: Settings | null;
  keys: Partial<Record<Provider, boolean>>;
  setSettings(settings: Settings): void;
  setKeyStatus(provider: Provider, set: boolean): void;
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  settings: null,
  keys: {},
  setSettings: (settings) => set({ settings }),
  setKeyStatus: (provider, isSet) => set((s) => ({ keys: { ...s.keys, [provider]: isSet } })),
});
