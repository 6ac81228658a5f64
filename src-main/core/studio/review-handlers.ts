/**
 * The review workspace's methods beyond deciding and writing: the live check of an edit in
 * progress, the texts a file can be compared with (offline draft, the file on disk, its last
 * generation there), and the three texts of a conflict for the three-way view. The judging is the
 * run's `ReviewSession`'s and the merging the output writer's; this file only finds and reads.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileBases } from '../../../src-shared/api/review';
import type { Erd } from '../../../src-shared/erd/model';
import { DjForgeError } from '../errors';
import { generateProject } from '../generate';
import { assertInsideRoot, BASE_DIR, mergeThreeWay } from '../output';
import { fileReviewView } from '../review/review-view';
import type { GenerationRun } from '../run/generation-run';
import { ReviewError } from '../review/types';
import type { StudioHandlers } from './dispatch';
import type { ResolveOutputTarget } from './file-handlers';
import type { RunManager } from './run-manager';

type ReviewHandlerName = 'checkFile' | 'fileBases' | 'conflictDetail';

export interface ReviewHandlerDeps {
  runs: RunManager;
  outputTarget: ResolveOutputTarget;
}

const MARKERS = /^(<{7} yours|>{7} generated now)$/m;

/**
 * The person's conflict resolutions as the writer takes them; refused while one still carries
 * the merge's conflict markers, which would otherwise be written into their project.
 */
export function resolutionsOf(record: Record<string, string> | undefined): Map<string, string> | undefined {
  if (!record) return undefined;
  const unresolved = Object.keys(record).filter((p) => MARKERS.test(record[p] ?? ''));
  if (unresolved.length > 0)
    throw new DjForgeError(
      'review.unresolved',
      `The result of ${unresolved.map((p) => `"${p}"`).join(', ')} still has conflict markers; ` +
        'choose the lines to keep and remove the markers before writing.',
    );
  return new Map(Object.entries(record));
}

/** The file's text under `root`, or null when absent; refuses a path that leads out through a link. */
async function readInside(root: string, rel: string): Promise<string | null> {
  try {
    await assertInsideRoot(root, rel);
  } catch (e) {
    throw new DjForgeError('path.refused', `Refused: ${(e as Error).message.replace(/^Refusing to write/, 'reading')}`);
  }
  try {
    return await fs.readFile(path.join(root, rel), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new DjForgeError('path.refused', `Cannot read ${rel} in ${root}: ${code ?? (e as Error).message}.`);
  }
}

export function reviewHandlers(deps: ReviewHandlerDeps): Pick<StudioHandlers, ReviewHandlerName> {
  const { runs } = deps;
  /** The template engine's project per ERD, made once per run: the offline drafts. */
  const drafts = new WeakMap<Erd, Map<string, string>>();
  const draftOf = (erd: Erd, file: string): string | null => {
    let files = drafts.get(erd);
    if (!files) {
      files = new Map(generateProject(erd).map((f) => [f.path, f.content]));
      drafts.set(erd, files);
    }
    return files.get(file) ?? null;
  };

  const finished = (runId: string): GenerationRun => {
    const run = runs.get(runId);
    if (run.status === 'running')
      throw new DjForgeError('run.running', `Run "${run.project}" is still going; wait for it to finish.`, true);
    const generation = runs.generation(runId);
    if (!generation.review.isComplete)
      throw new DjForgeError('review.not-ready', `Run "${run.project}" ended before its files were judged.`);
    return generation;
  };

  const entryOf = (runId: string, file: string) => {
    const session = runs.generation(runId).review;
    if (!session.list().some((e) => e.path === file))
      throw new ReviewError(`Run "${runs.get(runId).project}" has no file "${file}".`, 'review.unknown-file');
    return session.get(file);
  };

  return {
    checkFile: async ({ runId, path: file, content }) => {
      const session = finished(runId).review;
      entryOf(runId, file);
      const version = await session.assess(file, content);
      // The same view an edit gets: diagnostics with the rule as code.
      const view = fileReviewView({ ...session.get(file), current: version, previous: [] });
      return view.versions[0] ?? { ...version, findings: [] };
    },
    fileBases: async ({ runId, path: file, folder, outDir }) => {
      entryOf(runId, file);
      const generation = runs.generation(runId);
      const bases: FileBases = { path: file, draft: draftOf(generation.erd, file), onDisk: null, lastGenerated: null };
      if (!folder && !outDir) return bases;
      const target = await deps.outputTarget({ folder, outDir }, 'plan');
      if (!target) return bases;
      bases.onDisk = await readInside(target.path, file);
      bases.lastGenerated = await readInside(target.path, `${BASE_DIR}/${file}`);
      return bases;
    },
    conflictDetail: async ({ runId, path: file, folder, outDir }) => {
      finished(runId);
      const entry = entryOf(runId, file);
      const target = await deps.outputTarget({ folder, outDir }, 'plan');
      if (!target) throw new DjForgeError('path.refused', 'No output folder was given.');
      const yours = await readInside(target.path, file);
      const base = (await readInside(target.path, `${BASE_DIR}/${file}`)) ?? '';
      if (yours === null)
        throw new ReviewError(`"${file}" is not in ${target.path}, so it cannot conflict.`, 'review.unknown-file');
      const generated = entry.current.content;
      const merged = mergeThreeWay(base, yours, generated);
      return {
        path: file,
        base,
        yours,
        generated,
        merged: merged.content,
        conflicts: merged.kind === 'conflict' ? merged.conflicts : 0,
      };
    },
  };
}
