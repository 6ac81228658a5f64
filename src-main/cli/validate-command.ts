import path from 'node:path';
import { loadErdFile } from '../core/run/load-erd';
import type { CliIo } from './io';
import type { SourceFormat } from '../core/erd';
import { hasErrors } from '../../src-shared/diagnostics';
import { EXIT, printDiagnostics } from './common';

export async function validateCommand(erdFile: string, io: CliIo, from?: SourceFormat): Promise<number> {
  const file = path.resolve(io.cwd, erdFile);
  const result = await loadErdFile(file, from);
  printDiagnostics(io, result.diagnostics);
  const count = (s: string) => result.diagnostics.filter((d) => d.severity === s).length;
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`;
  if (hasErrors(result.diagnostics) || !result.erd) {
    io.stderr(`${erdFile}: invalid — ${summary}.\n`);
    return EXIT.usage;
  }
  const { erd } = result;
  io.stdout(
    `${erdFile}: valid ${result.format} ERD — project "${erd.project.name}", ${erd.entities.length} entities, ` +
      `${erd.relations.length} relations; ${summary}.\n`,
  );
  return EXIT.ok;
}
