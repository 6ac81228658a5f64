/**
 * A run on the LLM engine until the agent pool (`core/pipeline.ts`) is wired in: each Python file
 * of the template draft is sent to the model for refinement, streamed to the run view, and taken
 * only when the answer contains a code block; otherwise the next model of the fallback chain is
 * tried, and when all fail the template draft is kept and the unit says so. Non-Python files keep
 * the template draft. Units run `settings.concurrency` at a time; cancel aborts requests at once.
 */
import type { Settings } from '../../../src-shared/api';
import type { Erd } from '../../../src-shared/erd/model';
import { extractCode, LlmRequestError, resolveProvider, type LlmClient } from '../llm';
import type { CoreFile } from './core-functions';
import type { RunPlan, RunReporter } from './run-manager';
import { fileBytes } from './template-run';

const SYSTEM_PROMPT =
  'You are a senior Django REST Framework engineer. You receive one file of a generated Django project and the ' +
  "project's requirements. Return the complete improved file in a single ```python block: keep every import, " +
  'class and name the rest of the project relies on, add docstrings and the business rules, and change nothing else.';

export interface LlmRunOptions {
  settings: Settings;
  client: LlmClient;
}

/** The base URL the settings point at; throws a sentence naming the setting when unusable. */
export function llmBaseUrl(settings: Settings): string {
  return resolveProvider({ provider: settings.provider, ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}) })
    .baseURL;
}

function prompt(erd: Erd, file: CoreFile): string {
  const rules = (erd.rules ?? []).map((r) => `- ${r.text}`).join('\n');
  return [
    `Project: ${erd.project.name}. File: ${file.path}.`,
    erd.instructions ? `Requirements:\n${erd.instructions}` : '',
    rules ? `Business rules:\n${rules}` : '',
    'Current file:',
    '```python',
    file.content,
    '```',
  ]
    .filter(Boolean)
    .join('\n\n');
}

async function refine(erd: Erd, file: CoreFile, options: LlmRunOptions, reporter: RunReporter): Promise<void> {
  const models = [options.settings.model, ...options.settings.fallbackModels];
  reporter.unit(file.path, 'running');
  const reasons: string[] = [];
  for (const [index, model] of models.entries()) {
    if (index > 0) reporter.unit(file.path, 'retried', `Trying ${model}: ${reasons.at(-1) ?? ''}`);
    try {
      const answer = await options.client.complete({
        model,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: prompt(erd, file) },
        ],
        signal: reporter.signal,
        onDelta: (delta) => reporter.text(file.path, delta),
      });
      const code = answer.finishReason === 'length' ? null : extractCode(answer.text);
      if (code) {
        reporter.file({ path: file.path, agent: file.agent, content: code, source: 'llm', bytes: fileBytes(code) });
        reporter.unit(file.path, 'done', `Written by ${answer.model}.`);
        return;
      }
      reasons.push(
        answer.finishReason === 'length'
          ? `${model} stopped before the end of the file`
          : `${model} answered without a code block`,
      );
    } catch (e) {
      if (reporter.signal.aborted || (e instanceof LlmRequestError && e.kind === 'aborted')) return;
      reasons.push(`${model}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const why = `Kept the template draft: ${reasons.join('; ')}.`;
  reporter.unit(file.path, 'fellBack', why);
  reporter.file({
    path: file.path,
    agent: file.agent,
    content: file.content,
    source: 'fallback',
    bytes: fileBytes(file.content),
  });
  reporter.unit(file.path, 'done', why);
}

export function llmRunPlan(erd: Erd, files: readonly CoreFile[], options: LlmRunOptions): RunPlan {
  return {
    project: erd.project.name,
    engine: 'llm',
    units: files.map((f) => ({ id: f.path, agent: f.agent, label: f.path })),
    async execute(reporter) {
      const queue = [...files];
      const worker = async () => {
        for (let file = queue.shift(); file && !reporter.signal.aborted; file = queue.shift()) {
          if (!file.path.endsWith('.py')) {
            reporter.unit(file.path, 'running');
            reporter.file({
              path: file.path,
              agent: file.agent,
              content: file.content,
              source: 'template',
              bytes: fileBytes(file.content),
            });
            reporter.unit(file.path, 'done');
            continue;
          }
          await refine(erd, file, options, reporter);
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(options.settings.concurrency, Math.max(1, files.length)) }, worker),
      );
    },
  };
}
