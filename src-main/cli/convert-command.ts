/**
 * `djforge convert <in> --to <format> [--out file]`: reads an ERD in any supported format (djforge
 * or seed JSON, DBML, SQL DDL), validates it like `generate` would, and writes it as JSON, DBML,
 * SQL DDL (PostgreSQL, MySQL, SQLite) or Mermaid — to stdout, or atomically to `--out`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../../src-shared/diagnostics';
import {
  EXPORT_FORMATS,
  SOURCE_FORMATS,
  exportErdAs,
  importErdFile,
  isExportFormat,
  isSourceFormat,
} from '../core/erd';
import { EXIT, printDiagnostics } from './common';
import type { CliIo } from './io';

export const CONVERT_HELP = `Usage: djforge convert <erd-file> --to <format> [--out <file>] [options]

Reads an ERD (djforge or seed JSON, DBML, SQL DDL) and writes it in another format.

  --to <format>       ${EXPORT_FORMATS.join(' | ')} (sql = postgres)
  --out <file>        write there (atomically) instead of to stdout
  --from <format>     the input's format instead of detecting it: ${SOURCE_FORMATS.join(' | ')}
  --groups-as-apps    The ERD's groups become Django apps (automatic above 40 entities)
  --force             replace an existing --out file
  --quiet             print errors only
  -h, --help          show this help

Exit codes: 0 written; 2 bad input or usage (nothing written); 3 the file could not be written.
`;

const OPTIONS = {
  to: { type: 'string' },
  out: { type: 'string', short: 'o' },
  from: { type: 'string' },
  'groups-as-apps': { type: 'boolean' },
  force: { type: 'boolean', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function readText(file: string): Promise<string | Error> {
  try {
    const bytes = await fs.readFile(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Error(`${file} does not exist.`);
    if (code === 'EISDIR') return new Error(`${file} is a folder, not a file.`);
    if (e instanceof TypeError) return new Error(`${file} is not UTF-8 text.`);
    return new Error(`cannot read ${file}: ${(e as Error).message}.`);
  }
}

/** Runs `convert` with the arguments after the command name; returns the exit code. */
export async function convertCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`djforge convert: ${(e as Error).message}\nRun "djforge convert --help" for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(CONVERT_HELP);
    return EXIT.ok;
  }
  const usage = (message: string): number => {
    io.stderr(`djforge convert: ${message}\nRun "djforge convert --help" for usage.\n`);
    return EXIT.usage;
  };
  if (positionals.length !== 1)
    return usage(
      positionals.length === 0 ? 'missing <erd-file>.' : `expected one <erd-file>, got ${positionals.length}.`,
    );
  if (values.to === undefined) return usage(`missing --to <format> (${EXPORT_FORMATS.join(', ')}).`);
  const to = values.to;
  if (!isExportFormat(to)) return usage(`unknown --to format "${to}" (expected ${EXPORT_FORMATS.join(', ')}).`);
  const from = values.from;
  if (from !== undefined && !isSourceFormat(from))
    return usage(`unknown --from format "${from}" (expected ${SOURCE_FORMATS.join(', ')}).`);
  const input = path.resolve(io.cwd, positionals[0] ?? '');
  const text = await readText(input);
  if (text instanceof Error) {
    io.stderr(`djforge convert: ${text.message}\n`);
    return EXIT.usage;
  }
  const result = await importErdFile(text, path.basename(input), {
    ...(from === undefined ? {} : { from }),
    groupsAsApps: values['groups-as-apps'] === true,
  });
  printDiagnostics(io, result.diagnostics, values.quiet === true);
  if (result.erd === null || hasErrors(result.diagnostics)) {
    io.stderr(`${positionals[0]}: not converted — the ERD has errors (see above).\n`);
    return EXIT.usage;
  }
  const output = exportErdAs(result.erd, to);
  if (values.out === undefined) {
    io.stdout(output);
    return EXIT.ok;
  }
  return writeOutput(path.resolve(io.cwd, values.out), output, values.force === true, io);
}

async function writeOutput(target: string, text: string, force: boolean, io: CliIo): Promise<number> {
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    io.stderr(`djforge convert: ${target} exists; use --force to replace it.\n`);
    return EXIT.usage;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, text, 'utf8');
    await fs.rename(temporary, target);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    io.stderr(`djforge convert: cannot write ${target}: ${(e as Error).message}.\n`);
    return EXIT.writeFailed;
  }
  io.stderr(`Wrote ${target}.\n`);
  return EXIT.ok;
}
