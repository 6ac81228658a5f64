/**
 * Where a run puts the approved files: the output folder through `syncProject` (a new or empty
 * folder atomically; a folder holding an earlier DjForge generation merged in place; a foreign
 * non-empty folder only with `force`) and/or a zip archive. Files the review did not approve are
 * never written, and their earlier version on disk is left alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OutputError, type FileToWrite } from '../output/project-writer';
import type { SyncAction, SyncEntry } from '../output/sync-plan';
import { syncProject, type SyncReport } from '../output/sync-project';
import type { WriteProgressListener } from '../output/transaction';
import { writeProjectZip } from '../output/zip-export';

export interface WriteTargets {
  /** Absolute output folder, or null for a zip-only run. */
  out: string | null;
  /** Absolute zip file, or null. */
  zip: string | null;
  force: boolean;
  /** Folder name inside the zip (the project's name). */
  zipRoot: string;
}

export interface WriteOutcome {
  mode: SyncReport['mode'] | null;
  /** What the folder writer did to each approved path (empty for a zip-only run). */
  actions: Map<string, SyncAction>;
  /** Approved paths whose merge conflicted: the user's file was kept. */
  conflicts: string[];
  entries: SyncEntry[];
  zip: string | null;
  writeMs: number;
}

/** Actions after which the folder holds this generation of the file (or the user's file already containing it). */
export const WRITTEN_ACTIONS: ReadonlySet<SyncAction> = new Set(['create', 'update', 'unchanged', 'merge', 'keep']);

/**
 * Write `approved` to the targets; `notApproved` are this run's other paths. With nothing
 * approved nothing is touched (no empty project, no empty zip). Throws `OutputError`.
 */
export async function writeApproved(
  targets: WriteTargets,
  approved: readonly FileToWrite[],
  notApproved: readonly string[],
  /** Conflicts the person resolved in a three-way view (path → content); see `planSync`. */
  resolutions?: ReadonlyMap<string, string>,
  /** Told after each file operation of the folder writer (see `WriteProgress`). */
  onProgress?: WriteProgressListener,
): Promise<WriteOutcome> {
  const started = performance.now();
  let report: SyncReport | null = null;
  if (approved.length === 0)
    return { mode: null, actions: new Map(), conflicts: [], entries: [], zip: null, writeMs: 0 };
  if (targets.out)
    report = await syncProject(targets.out, approved, {
      force: targets.force,
      notApproved,
      ...(resolutions ? { resolutions } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  if (targets.zip) {
    try {
      await fs.mkdir(path.dirname(targets.zip), { recursive: true }).catch((e: Error) => {
        throw new OutputError(`Could not create the folder of ${targets.zip}: ${e.message}`, 'output.write-failed');
      });
      await writeProjectZip(targets.zip, approved, { root: targets.zipRoot, force: targets.force });
    } catch (e) {
      if (e instanceof OutputError && targets.out)
        throw new OutputError(`The project in ${targets.out} was written, but the zip was not: ${e.message}`, e.code);
      throw e;
    }
  }
  return {
    mode: report?.mode ?? null,
    actions: new Map((report?.entries ?? []).map((e) => [e.path, e.action])),
    conflicts: report?.conflicts ?? [],
    entries: report?.entries ?? [],
    zip: targets.zip,
    writeMs: performance.now() - started,
  };
}

/** Refuses early, before any work, a zip target that is a folder, or an existing file without `force`. */
export async function checkZipTarget(zip: string, force: boolean): Promise<void> {
  const stat = await fs.lstat(zip).catch(() => null);
  if (stat?.isDirectory()) throw new OutputError(`--zip ${zip} is a folder, not a file.`, 'output.not-directory');
  if (stat && !force) throw new OutputError(`${zip} already exists; pass --force to replace it.`, 'output.not-empty');
}
