/**
 * The editor's document methods beyond open and save: export to every text format of the core's
 * exporters, the autosaved recovery copy in the data folder, and the live Django preview of one
 * entity. Registered by the service with one spread, after its own handlers.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ErdSchema } from '../../../src-shared/erd/model';
import { exportErdAs, exportExtension, type ExportFormat } from '../erd';
import { writeJsonAtomic } from '../settings/file-settings-store';
import type { StudioHandlers } from './dispatch';
import { EntityPreview } from './entity-preview';
import { DjForgeError } from '../errors';

export type DocumentHandlers = Pick<
  StudioHandlers,
  'exportErd' | 'saveRecoveryCopy' | 'loadRecoveryCopy' | 'discardRecoveryCopy' | 'previewEntity'
>;

/** Where the recovery copy lives inside the data folder. */
export function recoveryFile(dataDir: string): string {
  return path.join(dataDir, 'recovery', 'document.djforge-recovery.json');
}

/**
 * The file name of an export: SQL files carry their dialect (`shop.mysql.sql`), so importing the
 * file again reads it with the right parser.
 */
export function exportFileNameAs(project: string, format: ExportFormat): string {
  if (format === 'json') return `${project}.djforge.json`;
  if (format === 'dbml' || format === 'mermaid') return `${project}${exportExtension(format)}`;
  return `${project}.${format === 'sql' ? 'postgres' : format}.sql`;
}

/**
 * The handlers over `dataDir`. `now` dates the recovery copy; `clock` times the preview (both
 * injected so tests control them).
 */
export function documentHandlers(
  dataDir: string,
  now: () => number,
  clock: () => number = () => performance.now(),
): DocumentHandlers {
  const preview = new EntityPreview();
  const file = recoveryFile(dataDir);
  return {
    exportErd: async ({ erd, format }) => {
      const as: ExportFormat = format === 'djforge-erd' ? 'json' : format;
      try {
        return { fileName: exportFileNameAs(erd.project.name, as), text: exportErdAs(erd, as) };
      } catch (e) {
        throw new DjForgeError(
          'erd.invalid',
          `Cannot export ${erd.project.name} as ${format}: ${(e as Error).message}.`,
        );
      }
    },
    saveRecoveryCopy: async ({ erd, name }) => {
      const savedAt = now();
      try {
        await writeJsonAtomic(file, { savedAt, name, erd });
      } catch (e) {
        throw new DjForgeError(
          'erd.write-failed',
          `Cannot keep the recovery copy in ${file}: ${(e as Error).message}.`,
          true,
        );
      }
      return { savedAt };
    },
    loadRecoveryCopy: async () => {
      let raw: unknown;
      try {
        raw = JSON.parse(await fs.readFile(file, 'utf8'));
      } catch {
        return null;
      }
      const copy = raw as { savedAt?: unknown; name?: unknown; erd?: unknown } | null;
      const erd = ErdSchema.safeParse(copy?.erd);
      if (!erd.success || typeof copy?.savedAt !== 'number' || typeof copy.name !== 'string') return null;
      return { erd: erd.data, name: copy.name, savedAt: copy.savedAt };
    },
    discardRecoveryCopy: async () => {
      try {
        await fs.rm(file);
        return { discarded: true };
      } catch {
        return { discarded: false };
      }
    },
    previewEntity: async ({ erd, entity }) => {
      const started = clock();
      const result = preview.preview(erd, entity);
      return { ...result, ms: Math.round((clock() - started) * 10) / 10 };
    },
  };
}
