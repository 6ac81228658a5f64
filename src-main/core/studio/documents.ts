/**
 * Opening, importing and saving ERD documents: every failure becomes a `DjForgeError` whose
 * message names the file and the problem, with the importer's diagnostics attached.
 */
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
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
  return { path: null, file: null, name: 'Untitled', format: null, erd, diagnostics: [] };
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
  return { path: filePath, file: null, name: fileName, format: result.format, erd: result.erd, diagnostics };
}

/** The kinds of file an ERD can be read from; anything else is refused before it is opened. */
export const ERD_EXTENSIONS = ['.json', '.dbml', '.sql'] as const;

/** How much of a file, and how long, a host reads before giving up. */
export interface ReadLimits {
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 };

const unreadable = (file: string, reason: string) =>
  new DjForgeError('erd.unreadable', `Cannot open ${file}: ${reason}.`);

function statReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'it is a symbolic link that changed while opening it';
  return `it cannot be read (${code ?? 'error'})`;
}

async function readAtMost(handle: fs.FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * The text of an ERD file, read only when it is a regular file of an ERD kind and size: a pipe,
 * device or folder is refused from its metadata, never opened for a blocking read (a FIFO would
 * hold a thread of the I/O pool forever), and a read that takes too long is abandoned. Errors
 * name the file and the problem, never its content.
 */
export async function readErdText(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<string> {
  const absolute = path.resolve(filePath);
  const ext = path.extname(absolute).toLowerCase();
  if (!(ERD_EXTENSIONS as readonly string[]).includes(ext))
    throw unreadable(absolute, `it is not an ERD file (expected ${ERD_EXTENSIONS.join(', ')})`);
  let real: string;
  let stat: Stats;
  try {
    real = await fs.realpath(absolute);
    stat = await fs.stat(real);
  } catch (e) {
    throw unreadable(absolute, statReason(e));
  }
  if (stat.isDirectory()) throw unreadable(absolute, 'it is a folder');
  if (!stat.isFile()) throw unreadable(absolute, 'it is not a regular file (a pipe, socket or device)');
  const tooLarge = () => unreadable(absolute, `it is larger than ${Math.round(limits.maxBytes / 1024)} KiB`);
  if (stat.size > limits.maxBytes) throw tooLarge();
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening it does not wait.
    handle = await fs.open(real, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (e) {
    throw unreadable(absolute, statReason(e));
  }
  let timer: NodeJS.Timeout | undefined;
  const reading = (async () => {
    const opened = await handle.stat();
    if (!opened.isFile()) throw unreadable(absolute, 'it is not a regular file (a pipe, socket or device)');
    const bytes = await readAtMost(handle, limits.maxBytes + 1);
    if (bytes.length > limits.maxBytes) throw tooLarge();
    return bytes.toString('utf8');
  })();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(unreadable(absolute, `reading it took longer than ${limits.timeoutMs / 1000} s`)),
      limits.timeoutMs,
    );
  });
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
    void reading.catch(() => undefined).finally(() => handle.close().catch(() => undefined));
  }
}

/**
 * Diagnostics with only the place and the kind of problem: for a file read by path on request of
 * a page that may not be the user's, nothing of the file's content (values, keys, names) leaves.
 */
export function placeOnly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: `${d.code}: details are not shown for a file opened by path; import it in the page to see them.`,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
  }));
}

export interface ReadErdOptions {
  limits?: ReadLimits;
  /** False for files a page named by path (web host): errors carry the place and problem only. */
  revealContent?: boolean;
}

export async function readErdFile(
  core: CoreFunctions,
  filePath: string,
  options: ReadErdOptions = {},
): Promise<ErdDocument> {
  const absolute = path.resolve(filePath);
  const text = await readErdText(absolute, options.limits);
  const name = path.basename(absolute);
  if (options.revealContent !== false) return importDocument(core, text, name, absolute);
  try {
    return await importDocument(core, text, name, absolute);
  } catch (e) {
    if (!(e instanceof DjForgeError) || !e.diagnostics) throw e;
    const hidden = placeOnly(e.diagnostics);
    const errors = hidden.filter((d) => d.severity === 'error');
    const first = errors[0];
    const where =
      first?.line !== undefined ? ` at line ${first.line}${first.column ? `, column ${first.column}` : ''}` : '';
    throw new DjForgeError(
      'erd.invalid',
      `${name} is not a valid ERD: ${errors.length} error${errors.length === 1 ? '' : 's'}, the first${where} (${first?.code ?? 'erd.invalid'}).`,
      false,
      hidden,
    );
  }
}

export interface SaveErdOptions {
  /**
   * For a path typed in the page: only a `.json` name, and an existing file is overwritten only
   * when it is itself a DjForge ERD (a native dialog has already asked the user instead).
   */
  guardExisting?: boolean;
}

async function checkSaveTarget(absolute: string): Promise<void> {
  const refuse = (reason: string) => new DjForgeError('erd.write-refused', `Cannot save ${absolute}: ${reason}.`);
  if (path.extname(absolute).toLowerCase() !== '.json') throw refuse('a DjForge ERD is saved as a .json file');
  let stat: Stats;
  try {
    stat = await fs.lstat(absolute);
  } catch {
    return;
  }
  if (!stat.isFile()) throw refuse('it exists and is not a regular file');
  let format: unknown;
  try {
    format = (JSON.parse(await readErdText(absolute)) as { format?: unknown } | null)?.format;
  } catch {
    format = undefined;
  }
  if (format !== ERD_FORMAT) throw refuse('it exists and is not a DjForge ERD, so saving would destroy it');
}

/** Validates before writing: an ERD the importer refuses is never saved over a good file. */
export async function saveErdFile(
  core: CoreFunctions,
  erd: Erd,
  filePath: string,
  options: SaveErdOptions = {},
): Promise<{ path: string; name: string }> {
  const absolute = path.resolve(filePath);
  const text = core.serializeErd(erd);
  await importDocument(core, text, path.basename(absolute), absolute);
  if (options.guardExisting) await checkSaveTarget(absolute);
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
