/**
 * The methods of the contract that reach the disk on a page's request — open, save, write the
 * project, recent files, and the settings that name paths — behind the host's file-access
 * policy. The page names files by capability ids; a typed path is taken only by a host that has
 * no dialogs and only inside its roots.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CapabilityId, RecentDocument } from '../../../src-shared/api';
import { MANIFEST } from '../output';
import { CapabilityTable, confinePath, type CapabilityKind, type PathConfinement } from './capabilities';
import type { StudioHandlers } from './dispatch';
import { exportFileName, readErdFile, saveErdFile, type ReadLimits } from './documents';
import { DjForgeError } from '../errors';
import type { HostDialogs, StudioDeps } from './service';
import { guardSettingsPaths, type SettingsPathPolicy } from './settings-paths';

/** What a host lets its page do with the disk. */
export interface FileAccessPolicy {
  /**
   * Where typed paths may lead (the web host's roots); the errors of files read for such a host
   * then name the place and the problem only. Null: typed paths are refused and files come only
   * from the host's dialogs (Electron), whose errors may quote the file the user chose.
   */
  confinement: PathConfinement | null;
  /** Who may change `pythonPath` and `cacheDir` (see `settings-paths.ts`). */
  settingsPaths: SettingsPathPolicy;
  /** Said when a settings path change is refused: where the person can change it instead. */
  settingsHint?: string;
  limits?: ReadLimits;
  /** The host's table, when it grants ids itself too (Electron's "Open Recent" menu). */
  capabilities?: CapabilityTable;
}

export type FileHandlers = Pick<
  StudioHandlers,
  'openErd' | 'saveErd' | 'listRecentFiles' | 'clearRecentFiles' | 'updateSettings'
>;

/** Where a run's project is to be written, as the page named it. */
export interface OutputTargetRequest {
  folder?: CapabilityId | undefined;
  outDir?: string | undefined;
  force?: boolean | undefined;
  /** The folder's name typed back, to replace a non-empty folder DjForge did not write. */
  confirm?: string | undefined;
}

/**
 * The output folder behind a request — a granted id, a confined typed path, or the dialog's answer
 * (null when cancelled) — refused where the host's policy says so. For `write`, replacing a
 * foreign non-empty folder also needs the typed confirmation.
 */
export type ResolveOutputTarget = (
  request: OutputTargetRequest,
  purpose: 'plan' | 'write',
) => Promise<{ path: string; folder: CapabilityId } | null>;

async function isForeignNonEmpty(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return false;
  }
  if (entries.length === 0) return false;
  try {
    await fs.access(path.join(dir, MANIFEST));
    return false;
  } catch {
    return true;
  }
}

export function createFileHandlers(
  deps: StudioDeps,
  now: () => number,
): { handlers: FileHandlers; outputTarget: ResolveOutputTarget } {
  const access = deps.access;
  const caps = access.capabilities ?? new CapabilityTable();
  const typedPathsRefused = () =>
    new DjForgeError(
      'host.dialogs-only',
      'Refused: this app takes files and folders only from its dialogs, not from a typed path.',
    );

  /** The path behind what the page gave: a granted id, a confined typed path, or a dialog's answer. */
  const locate = async (
    kind: CapabilityKind,
    given: { id: string | undefined; typed: string | undefined },
    ask: (d: HostDialogs) => Promise<string | null>,
    what: string,
  ): Promise<{ path: string; typed: boolean } | null> => {
    if (given.id) {
      const granted = caps.resolve(given.id, kind);
      return {
        path: access.confinement ? await confinePath(access.confinement, granted, what) : granted,
        typed: false,
      };
    }
    if (given.typed) {
      if (!access.confinement) throw typedPathsRefused();
      return { path: await confinePath(access.confinement, given.typed, what), typed: true };
    }
    if (!deps.dialogs)
      throw new DjForgeError('host.path-required', `This host has no file dialogs: type the path of ${what}.`);
    const chosen = await ask(deps.dialogs);
    return chosen ? { path: path.resolve(chosen), typed: false } : null;
  };

  const remember = async (filePath: string) => {
    await deps.history.touchRecent({ path: filePath, name: path.basename(filePath), openedAt: now() });
    deps.onRecentFilesChanged?.();
  };

  const granted = async (list: Promise<{ path: string; name: string; openedAt: number }[]>) => {
    const visible: RecentDocument[] = [];
    for (const entry of await list) {
      if (access.confinement) {
        try {
          await confinePath(access.confinement, entry.path, 'the recent file');
        } catch {
          continue;
        }
      }
      visible.push({ ...entry, file: caps.grant('erd', entry.path) });
    }
    return visible;
  };

  const outputTarget: ResolveOutputTarget = async ({ folder, outDir, force, confirm }, purpose) => {
    const ask = (d: HostDialogs) => d.chooseOutputDir();
    const found = await locate('folder', { id: folder, typed: outDir }, ask, 'the output folder');
    if (!found) return null;
    const target = found.path;
    if (access.confinement?.roots.includes(target))
      throw new DjForgeError('path.refused', `Refused: ${target} is a root folder itself; choose a folder inside it.`);
    const held = access.confinement?.denied.find((d) => d.startsWith(target + path.sep));
    if (held) throw new DjForgeError('path.refused', `Refused: ${target} holds a protected folder (${held}).`);
    if (purpose === 'write' && force && (await isForeignNonEmpty(target)) && confirm !== path.basename(target)) {
      throw new DjForgeError(
        'output.confirm-required',
        `${target} is not empty and holds no DjForge project: replacing it deletes everything in it. ` +
          `Type the folder's name "${path.basename(target)}" to confirm.`,
      );
    }
    return { path: target, folder: caps.grant('folder', target) };
  };

  const handlers: FileHandlers = {
    openErd: async ({ file, path: typed }) => {
      const found = await locate('erd', { id: file, typed }, (d) => d.chooseErdToOpen(), 'the ERD file');
      if (!found) return null;
      const document = await readErdFile(deps.core, found.path, {
        ...(access.limits ? { limits: access.limits } : {}),
        // A page of the web host may not be the user's: it learns where a file is wrong, never what it holds.
        revealContent: access.confinement === null,
      });
      await remember(found.path);
      return { ...document, file: caps.grant('erd', found.path) };
    },
    saveErd: async ({ erd, file, path: typed }) => {
      const ask = (d: HostDialogs) => d.chooseErdSavePath(exportFileName(erd));
      const found = await locate('erd', { id: file, typed }, ask, 'the file to save to');
      if (!found) return null;
      const saved = await saveErdFile(deps.core, erd, found.path, { guardExisting: found.typed });
      await remember(saved.path);
      return { ...saved, file: caps.grant('erd', saved.path) };
    },
    listRecentFiles: async () => granted(deps.history.listRecent()),
    clearRecentFiles: async () => {
      const cleared = await granted(deps.history.clearRecent());
      deps.onRecentFilesChanged?.();
      return cleared;
    },
    updateSettings: async (patch) => {
      const { settings } = await deps.settings.load();
      const hint = access.settingsHint ?? 'change it in the app settings.';
      await guardSettingsPaths(patch, settings, access.settingsPaths, hint);
      return deps.settings.update(patch);
    },
  };
  return { handlers, outputTarget };
}
