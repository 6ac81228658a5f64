/**
 * A run on the generation pipeline (either engine): the pool's events become the contract's
 * progress, text and file events. A file enters review as soon as the pool says it is ready; any
 * file the pool did not announce is delivered from the result at the end, so none is lost.
 */
import type { Engine } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import type { PipelineOptions, PoolEvent } from '../pipeline';
import type { CoreFunctions } from './core-functions';
import type { RunPlan, RunReporter } from './run-manager';

export const fileBytes = (content: string) => new TextEncoder().encode(content).length;

function forward(event: PoolEvent, reporter: RunReporter, delivered: Set<string>): void {
  switch (event.type) {
    case 'queued':
      return;
    case 'started':
      return reporter.unit(event.unitId, 'running', event.model ? `Asking ${event.model}.` : undefined);
    case 'streaming':
      return reporter.text(event.unitId, event.delta);
    case 'cached':
      return reporter.unit(event.unitId, 'cached');
    case 'done':
      return reporter.unit(
        event.unitId,
        'done',
        event.source === 'llm' || event.source === 'cache' ? `From ${event.source}.` : undefined,
      );
    case 'failed':
      return reporter.unit(event.unitId, 'failed', event.message);
    case 'retrying': {
      const why = event.attempt.message ?? event.attempt.outcome;
      const wait = event.waitMs > 0 ? ` in ${(event.waitMs / 1000).toFixed(1)} s` : '';
      return reporter.unit(
        event.unitId,
        'retried',
        `${event.attempt.model}: ${why}; trying ${event.nextModel}${wait}.`,
      );
    }
    case 'fellBack':
      return reporter.unit(event.unitId, 'fellBack', `Kept the template draft: ${event.reason}`);
    case 'fileReady':
      delivered.add(event.file);
      return reporter.file({
        path: event.file,
        agent: event.agent,
        content: event.content,
        source: event.source,
        bytes: fileBytes(event.content),
      });
  }
}

export interface PipelineRunExtras {
  /** Interpreter for the validation of the finished files. */
  python?: string;
  /** Called when the run ends, however it ends (stops the LLM engine's syntax checker). */
  onEnd?: () => Promise<void>;
}

export function pipelineRunPlan(
  core: CoreFunctions,
  erd: Erd,
  engine: Engine,
  options: PipelineOptions,
  extras: PipelineRunExtras = {},
): RunPlan {
  return {
    project: erd.project.name,
    engine,
    units: core.planUnits(erd),
    async execute(reporter) {
      const delivered = new Set<string>();
      try {
        const result = await core.runPipeline(erd, options, {
          signal: reporter.signal,
          onEvent: (e) => forward(e, reporter, delivered),
        });
        for (const file of result.files) {
          if (delivered.has(file.path)) continue;
          reporter.file({
            path: file.path,
            agent: file.agent,
            content: file.content,
            source: file.source,
            bytes: fileBytes(file.content),
          });
        }
        if (reporter.signal.aborted) return;
        const findings = await core.validateFiles(result.files, erd, extras.python);
        for (const [path, diagnostics] of findings) reporter.findings(path, diagnostics);
      } finally {
        await extras.onEnd?.();
      }
    },
  };
}
