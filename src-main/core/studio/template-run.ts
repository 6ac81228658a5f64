/**
 * A run on the deterministic template engine: each generated file is a unit that enters review
 * as soon as it is ready. The loop yields to the event loop between files so a cancel (and the
 * events before it) get through even on a large ERD.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Erd } from '../../../src-shared/erd/model';
import type { CoreFile } from './core-functions';
import type { RunPlan } from './run-manager';

export const fileBytes = (content: string) => new TextEncoder().encode(content).length;

export function templateRunPlan(erd: Erd, files: readonly CoreFile[]): RunPlan {
  return {
    project: erd.project.name,
    engine: 'template',
    units: files.map((f) => ({ id: f.path, agent: f.agent, label: f.path })),
    async execute(reporter) {
      for (const file of files) {
        if (reporter.signal.aborted) return;
        reporter.unit(file.path, 'running');
        await yieldToEventLoop();
        if (reporter.signal.aborted) return;
        reporter.file({
          path: file.path,
          agent: file.agent,
          content: file.content,
          source: 'template',
          bytes: fileBytes(file.content),
        });
        reporter.unit(file.path, 'done');
      }
    },
  };
}
