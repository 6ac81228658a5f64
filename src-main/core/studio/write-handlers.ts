/**
 * Writing a run's approved files through the core's merging writer, with its progress per file
 * as `writeProgress` events, and opening the folder just written in the system's file manager.
 * The folder to open is the one the writer wrote, remembered under the write's id: the page names
 * a write, never a path, so it cannot make the host open anything else.
 */
import { randomBytes } from 'node:crypto';
import type { EmitEvent } from '../../../src-shared/api';
import { DjForgeError } from '../errors';
import { writeApproved } from '../run/write';
import type { StudioHandlers } from './dispatch';
import type { ResolveOutputTarget } from './file-handlers';
import { resolutionsOf } from './review-handlers';
import { approvedFilesOf } from './run-handlers';
import type { RunManager } from './run-manager';

export interface WriteHandlerDeps {
  runs: RunManager;
  emit: EmitEvent;
  outputTarget: ResolveOutputTarget;
  /**
   * Opens a folder in the system's file manager (Electron's `shell.openPath`); resolves with an
   * error sentence, empty when it worked. Absent on hosts without a desktop (the web host).
   */
  openFolder?: (folder: string) => Promise<string>;
}

/** How many written folders are remembered for `openWrittenFolder`; older writes are forgotten. */
const REMEMBERED_WRITES = 20;

export function writeHandlers(deps: WriteHandlerDeps): Pick<StudioHandlers, 'writeProject' | 'openWrittenFolder'> {
  const { runs } = deps;
  const written = new Map<string, string>();
  return {
    writeProject: async ({ runId, folder, outDir, force, confirm, resolutions }) => {
      const { approved, notApproved } = approvedFilesOf(runs, runId);
      const resolved = resolutionsOf(resolutions);
      const target = await deps.outputTarget({ folder, outDir, force, confirm }, 'write');
      if (!target) return null;
      const run = runs.get(runId);
      const writeId = randomBytes(9).toString('hex');
      const outcome = await writeApproved(
        { out: target.path, zip: null, force: force ?? false, zipRoot: run.project },
        approved,
        notApproved,
        resolved,
        (p) => deps.emit('writeProgress', { runId, writeId, ...p }),
      );
      written.set(writeId, target.path);
      if (written.size > REMEMBERED_WRITES) written.delete(written.keys().next().value ?? '');
      return {
        outDir: target.path,
        folder: target.folder,
        written: approved.map((f) => f.path),
        mode: outcome.mode ?? 'created',
        conflicts: outcome.conflicts,
        writeId,
        canOpenFolder: deps.openFolder !== undefined,
      };
    },
    openWrittenFolder: async ({ writeId }) => {
      if (!deps.openFolder)
        throw new DjForgeError('host.no-shell', 'This host cannot open folders; the path is shown to copy instead.');
      const folder = written.get(writeId);
      if (!folder)
        throw new DjForgeError(
          'review.unknown-write',
          'No project was written under this id; write the project first.',
        );
      const failure = await deps.openFolder(folder);
      if (failure) throw new DjForgeError('host.no-shell', `Could not open ${folder}: ${failure}`);
      return { opened: true };
    },
  };
}
