import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import packageJson from '../../package.json';
import { generateProject } from '../core/generate';
import { loadErdFile } from '../core/load-erd';
import { checkOutputTarget, OutputError, writeProject } from '../core/output/project-writer';
import type { GenerationReport } from '../core/report';
import type { CliIo } from './io';
import { hasErrors } from '../../src-shared/diagnostics';
import { EXIT, printDiagnostics, type CliOptions } from './common';

export async function generateCommand(erdFile: string, options: CliOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const out = path.resolve(io.cwd, options.out as string);
  const reportFile = options.json ? path.resolve(io.cwd, options.json) : null;
  const fail = (message: string, code: number) => {
    io.stderr(`djforge generate: ${message}\n`);
    return code;
  };
  if (reportFile && (reportFile === out || reportFile.startsWith(out + path.sep))) {
    return fail(`--json ${options.json} must not be inside --out ${options.out}.`, EXIT.usage);
  }
  try {
    await checkOutputTarget(out, { force: options.force ?? false });
  } catch (e) {
    if (e instanceof OutputError) return fail(e.message, EXIT.usage);
    throw e;
  }

  const loaded = await loadErdFile(path.resolve(io.cwd, erdFile));
  const importMs = performance.now() - started;
  printDiagnostics(io, loaded.diagnostics, options.quiet);
  if (!loaded.erd || hasErrors(loaded.diagnostics)) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    return fail(`${erdFile} has ${errors} error(s); nothing was written.`, EXIT.usage);
  }
  const erd = loaded.erd;

  const genStart = performance.now();
  const files = generateProject(erd);
  const generateMs = performance.now() - genStart;

  const writeStart = performance.now();
  try {
    await writeProject(out, files, { force: options.force ?? false });
  } catch (e) {
    if (e instanceof OutputError) return fail(e.message, e.code === 'output.write-failed' ? EXIT.writeFailed : EXIT.usage);
    throw e;
  }
  const writeMs = performance.now() - writeStart;
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);

  const report: GenerationReport = {
    ok: true,
    tool: { name: 'djforge', version: packageJson.version },
    engine: 'template',
    erd: { file: erdFile, format: loaded.format, project: erd.project.name },
    out,
    files: files.map((f) => ({
      path: f.path,
      agent: f.agent,
      source: 'template',
      written: true,
      bytes: Buffer.byteLength(f.content),
    })),
    diagnostics: loaded.diagnostics,
    metrics: {
      pipelineMs: round(performance.now() - started),
      importMs: round(importMs),
      generateMs: round(generateMs),
      writeMs: round(writeMs),
      entities: erd.entities.length,
      relations: erd.relations.length,
      files: files.length,
      bytes,
    },
  };
  if (reportFile) {
    await fs.mkdir(path.dirname(reportFile), { recursive: true });
    const tmp = `${reportFile}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(report, null, 2) + '\n');
    await fs.rename(tmp, reportFile);
  }
  if (!options.quiet) {
    io.stdout(
      `Wrote ${files.length} files (${erd.entities.length} entities) for project "${erd.project.name}" to ${out} ` +
        `in ${Math.round(report.metrics.pipelineMs)} ms.\n` +
        `Next: cd ${path.relative(io.cwd, out) || '.'} && pip install -r requirements.txt && python manage.py migrate && python manage.py test\n`,
    );
  }
  return EXIT.ok;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
