/**
 * How settings are stored, whatever the medium (electron-store in the app, a JSON file in the
 * web host): `{ schemaVersion, settings }`. Reading migrates older layouts step by step and
 * validates the result; a document that cannot be read yields the defaults plus a warning that
 * names the place and the problem, and is not overwritten until the user saves new settings.
 */
import {
  DEFAULT_SETTINGS,
  describeIssues,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../src-shared/api';

export const SETTINGS_SCHEMA_VERSION = 2;

export interface SettingsDocument {
  schemaVersion: number;
  settings: Settings;
}

export interface ReadSettings {
  settings: Settings;
  /** Set when the stored document was unusable and defaults are in effect. */
  warning: string | null;
  /** The version the stored document had, when a migration ran. */
  migratedFrom: number | null;
}

/** A settings change the user asked for that cannot be accepted; the message names the field. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Migration = (stored: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` turns a version-n document's settings into version n+1. Version 1 (the first
 * release) kept the fallback chain as one comma-separated string, the timeout in milliseconds,
 * the base URL as `apiBase` and the concurrency as `maxConcurrent`.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: (v1) => {
    const { apiBase, fallbackChain, maxConcurrent, timeoutMs, ...rest } = v1;
    const next: Record<string, unknown> = { ...rest };
    if (apiBase !== undefined) next['baseUrl'] = apiBase;
    if (typeof fallbackChain === 'string') {
      next['fallbackModels'] = fallbackChain
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== '');
    }
    if (maxConcurrent !== undefined) next['concurrency'] = maxConcurrent;
    if (typeof timeoutMs === 'number') next['timeoutSeconds'] = Math.max(5, Math.round(timeoutMs / 1000));
    return next;
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a stored document (`undefined` = nothing stored yet). `where` names it in warnings. */
export function readSettingsDocument(raw: unknown, where: string): ReadSettings {
  const defaults = (warning: string | null): ReadSettings => ({
    settings: DEFAULT_SETTINGS,
    warning,
    migratedFrom: null,
  });
  if (raw === undefined || raw === null) return defaults(null);
  if (!isRecord(raw))
    return defaults(`${where}: expected an object with "schemaVersion" and "settings"; using the defaults.`);
  const version = raw['schemaVersion'] ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return defaults(
      `${where}.schemaVersion: expected a positive integer, got ${JSON.stringify(version)}; using the defaults.`,
    );
  }
  if (version > SETTINGS_SCHEMA_VERSION) {
    return defaults(
      `${where}.schemaVersion: version ${version} was written by a newer DjForge Studio (this one reads up to ${SETTINGS_SCHEMA_VERSION}); using the defaults.`,
    );
  }
  const stored = raw['settings'];
  if (!isRecord(stored)) return defaults(`${where}.settings: expected an object; using the defaults.`);
  let current: Record<string, unknown> = stored;
  for (let v = version; v < SETTINGS_SCHEMA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return defaults(`${where}: no migration from version ${v}; using the defaults.`);
    current = migrate(current);
  }
  const merged = {
    ...DEFAULT_SETTINGS,
    ...current,
    baselines: { ...DEFAULT_SETTINGS.baselines, ...(isRecord(current['baselines']) ? current['baselines'] : {}) },
  };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) return defaults(`${describeIssues(parsed.error, `${where}.settings`)} Using the defaults.`);
  return { settings: parsed.data, warning: null, migratedFrom: version === SETTINGS_SCHEMA_VERSION ? null : version };
}

export function settingsDocument(settings: Settings): SettingsDocument {
  return { schemaVersion: SETTINGS_SCHEMA_VERSION, settings };
}

/** Merges a patch into the current settings; throws a `SettingsError` naming every bad field. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch | unknown): Settings {
  const parsedPatch = SettingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw new SettingsError(describeIssues(parsedPatch.error, 'settings'));
  const p = parsedPatch.data;
  const next = { ...current, ...p, baselines: { ...current.baselines, ...p.baselines } };
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) throw new SettingsError(describeIssues(parsed.error, 'settings'));
  return parsed.data;
}
