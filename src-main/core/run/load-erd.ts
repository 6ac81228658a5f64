/**
 * Reading an ERD file from disk into a validated model, with every failure — missing file, not
 * UTF-8, invalid JSON, invalid content — reported as diagnostics that name the file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { ERD_CODES, importErdFile, type ImportResult, type SourceFormat } from '../erd';

/** `from` forces the source language (the CLI's `--from`) instead of detecting it. */
export async function loadErdFile(filePath: string, from?: SourceFormat): Promise<ImportResult> {
  const file = path.basename(filePath);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: ERD_CODES.unreadable,
      message: `Cannot read ${filePath}: ${reason}.`,
      file,
    };
    return { erd: null, format: null, diagnostics: [diagnostic] };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.toString('latin1').includes('\uFFFD')) {
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: ERD_CODES.encoding,
      message: `${filePath} is not UTF-8 text.`,
      file,
    };
    return { erd: null, format: null, diagnostics: [diagnostic] };
  }
  const result = await importErdFile(text.replace(/^\uFEFF/, ''), file, from === undefined ? {} : { from });
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: d.file ?? file })) };
}
