/**
 * Opening, importing and saving ERD documents: every failure becomes a `DjForgeError` whose
 * message names the file and the problem, with the importer's diagnostics attached.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErdDocument } from '../../../src-shared/api';
import { hasErrors, type Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_FORMAT, ERD_VERSION, type Erd } from '../../../src-shared/erd/model';
import { writeJsonAtomic } from '../settings/file-settings-store';
import type { CoreFunctions } from './core-functions';
import { DjForgeError } from '../errors';

export function blankDocument(): ErdDocument {
  const erd: Erd = {
    format: ERD_FORMAT,
    version: ERD_VERSION,
    project: { name: 'untitled' },
    entities: [],
    relations: [],
  };
  return { path: null, name: 'Untitled', format: null, erd, diagnostics: [] };
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error');
  if (!d) return '';
  const where = [d.line, d.column].filter((n) => n !== undefined).join(':');
  return `${where ? ` (${where})` : ''}${d.path ? ` at ${d.path}` : ''}: ${d.message}`;
}

/** Imports text; refuses (with every diagnostic) when it has errors. */
export async function importDocument(
  core: CoreFunctions,
  text: string,
  fileName: string,
  filePath: string | null,
): Promise<ErdDocument> {
  const result = await core.importErdText(text.replace(/^\uFEFF/, ''), fileName);
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: d.file ?? fileName }));
  if (!result.erd || hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    throw new DjForgeError(
      'erd.invalid',
      `${fileName} has ${errors} error${errors === 1 ? '' : 's'}${firstError(diagnostics)}`,
      false,
      diagnostics,
    );
  }
  return { path: filePath, name: fileName, format: result.format, erd: result.erd, diagnostics };
}

export async function readErdFile(core: CoreFunctions, filePath: string): Promise<ErdDocument> {
  const absolute = path.resolve(filePath);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new DjForgeError('erd.unreadable', `Cannot open ${absolute}: ${reason}.`);
  }
  return importDocument(core, text, path.basename(absolute), absolute);
}

/** Validates before writing: an ERD the importer refuses is never saved over a good file. */
export async function saveErdFile(
  core: CoreFunctions,
  erd: Erd,
  filePath: string,
): Promise<{ path: string; name: string }> {
  const absolute = path.resolve(filePath);
  const text = core.serializeErd(erd);
  await importDocument(core, text, path.basename(absolute), absolute);
  try {
    await writeJsonAtomic(absolute, JSON.parse(text));
  } catch (e) {
    throw new DjForgeError('erd.write-failed', `Cannot save ${absolute}: ${(e as Error).message}.`, true);
  }
  return { path: absolute, name: path.basename(absolute) };
}

export function exportFileName(erd: Erd): string {
  return `${erd.project.name}.djforge.json`;
}
