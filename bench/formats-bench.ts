/**
 * Schema import speed. (1) A 200-table schema — the synthetic 200-entity ERD written as
 * PostgreSQL and MySQL DDL by the exporter — parsed (libpg-query / @dbml/core), imported, generated
 * and statically judged; goal: under 3 s as a whole for each dialect. (2) When ../shared/corpus
 * exists, every corpus file imported once: per-file time, time per format and parser, and how
 * many import cleanly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { exportErdAs, importErdFile } from '../src-main/core/erd';
import { parseSchema } from '../src-main/core/erd/import-file';
import { loadPostgresParser } from '../src-main/core/erd/import-postgres';
import { generateProject } from '../src-main/core/generate';
import { validateStatic } from '../src-main/core/validate/validate-project';
import { syntheticErd } from './synthetic-erd';

const ms = (n: number): string => `${n.toFixed(0).padStart(7)} ms`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PARSER: Readonly<Record<string, string>> = {
  dbml: '@dbml/core dbmlv2 (legacy fallback)',
  postgres: 'libpg-query',
  mysql: '@dbml/core mysql',
  sqlite: '@dbml/core mysql, then libpg-query',
  mssql: '@dbml/core mssql',
};

async function largeSchema(tables: number): Promise<void> {
  console.log(`== Schema import: ${tables}-table DDL → ERD → project → static validation ==`);
  await loadPostgresParser();
  const erd = syntheticErd(tables);
  for (const dialect of ['postgres', 'mysql'] as const) {
    const text = exportErdAs(erd, dialect);
    const t0 = performance.now();
    const parsed = await parseSchema(text, dialect);
    const t1 = performance.now();
    const imported = await importErdFile(text, `bench.${dialect}.sql`);
    const t2 = performance.now();
    if (!parsed.ok || imported.erd === null) {
      console.log(
        `  ${dialect}: did not import (${imported.diagnostics.find((d) => d.severity === 'error')?.message ?? ''})`,
      );
      continue;
    }
    const files = generateProject(imported.erd);
    const t3 = performance.now();
    const judged = await validateStatic(files, { erd: imported.erd });
    const t4 = performance.now();
    console.log(
      `  ${dialect.padEnd(8)} ${(text.length / 1024).toFixed(0)} KiB, ${imported.erd.entities.length} models: parse (${PARSER[dialect]})${ms(t1 - t0)}, ` +
        `import${ms(t2 - t1)}, generate${ms(t3 - t2)}, static validation${ms(t4 - t3)}; import + generate + validation${ms(t4 - t1)} (${judged ? files.length : 0} files)`,
    );
  }
}

async function corpus(): Promise<void> {
  const dir = [
    process.env.DJFORGE_CORPUS,
    path.resolve(root, '../shared/corpus'),
    path.resolve(root, '../../shared/corpus'),
  ].find((p) => p !== undefined && existsSync(path.join(p, 'manifest.json')));
  console.log('== Schema import: the real-schema corpus ==');
  if (dir === undefined) {
    console.log('  skipped: no ../shared/corpus (set DJFORGE_CORPUS)');
    return;
  }
  const byFormat = new Map<string, { files: number; clean: number; ms: number }>();
  for (const folder of ['dbml', 'sql'])
    for (const file of readdirSync(path.join(dir, folder)).sort()) {
      const text = readFileSync(path.join(dir, folder, file), 'utf8');
      const t0 = performance.now();
      const result = await importErdFile(text, file);
      const elapsed = performance.now() - t0;
      const format = result.format ?? 'unknown';
      const entry = byFormat.get(format) ?? { files: 0, clean: 0, ms: 0 };
      entry.files++;
      entry.ms += elapsed;
      if (result.erd !== null) entry.clean++;
      byFormat.set(format, entry);
      const outcome = result.erd !== null ? `${result.erd.entities.length} models` : 'refused';
      console.log(`  ${file.padEnd(48)}${ms(elapsed)}  ${outcome}`);
    }
  let files = 0;
  let clean = 0;
  for (const [format, e] of byFormat) {
    files += e.files;
    clean += e.clean;
    console.log(`  ${format.padEnd(9)} (${PARSER[format] ?? ''}): ${e.clean}/${e.files} import, ${ms(e.ms)} in all`);
  }
  console.log(`  ${clean} of ${files} files import cleanly; the others are refused with the parser's line and message`);
}

export async function runFormatsBenchmarks(): Promise<void> {
  await largeSchema(200);
  console.log('');
  await corpus();
}
