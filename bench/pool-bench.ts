/**
 * The agent pool's goals, measured against the local OpenAI-compatible server (never the network):
 * parallelism (1 s per answer, concurrency 4: wall time vs the ideal calls/4 s, requests in
 * flight), the cache (an unchanged rerun, then one renamed field of seed-legacy-massive.json,
 * against the cold run's calls) and recovery (a run through every kind of fault still delivers
 * every file). Prints figures; the goals are stated beside them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Erd } from '../src-shared/erd/model';
import { AgentCache } from '../src-main/core/cache/agent-cache';
import { generateProject } from '../src-main/core/generate';
import { importErdText } from '../src-main/core/erd';
import { prepareLlmEngine, runPipeline, type PipelineResult } from '../src-main/core/run/pipeline';
import { RecoveryPolicy } from '../src-main/core/recovery/policy';
import { draftResponder } from '../test-support/draft-responder';
import { startOpenAiServer, type Fault, type OpenAiServer } from '../test-support/openai-server';
import { EXAMPLES_DIR } from '../test-support/examples';

const examples = EXAMPLES_DIR;

async function loadExample(name: string): Promise<Erd> {
  const { erd } = importErdText(await fs.readFile(path.join(examples, name), 'utf8'), name);
  if (!erd) throw new Error(`${name} did not import`);
  return erd;
}

async function llmRun(
  server: OpenAiServer,
  erd: Erd,
  options: { concurrency?: number; cache?: AgentCache | null; timeoutMs?: number },
): Promise<{ result: PipelineResult; ms: number }> {
  const policy = new RecoveryPolicy({ baseDelayMs: 200, maxDelayMs: 2_000 });
  const { engine, close } = await prepareLlmEngine({
    baseURL: server.baseURL,
    model: 'fake-coder',
    fallbackModels: ['fake-coder-2'],
    requestTimeoutMs: options.timeoutMs ?? 30_000,
    policy,
  });
  const start = performance.now();
  try {
    const result = await runPipeline(erd, {
      engine: 'llm',
      llm: engine,
      concurrency: options.concurrency ?? 4,
      cache: options.cache ?? null,
    });
    return { result, ms: performance.now() - start };
  } finally {
    await close();
  }
}

async function parallelism(): Promise<void> {
  const server = await startOpenAiServer({ responder: draftResponder, latencyMs: 1_000 });
  try {
    const erd = await loadExample('seed-legacy-enterprise.json');
    const { result, ms } = await llmRun(server, erd, { concurrency: 4 });
    const calls = result.metrics.llmCalls;
    const ideal = (calls / 4) * 1_000;
    console.log('== Pool parallelism (seed-legacy-enterprise, 1 s per answer, concurrency 4) ==');
    console.log(
      `model calls ${calls}, wall ${(ms / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, ratio ${(ms / ideal).toFixed(2)}x (goal ≤ 1.30x)`,
    );
    console.log(
      `max requests in flight: server ${server.stats().maxInFlight}, pool ${result.metrics.maxInFlight} (goal 4)`,
    );
  } finally {
    await server.close();
  }
}

/** A copy of `erd` with the last field of the middle entity renamed. */
function renameOneField(erd: Erd): { erd: Erd; what: string } {
  const copy = structuredClone(erd);
  const entity = copy.entities[Math.floor(copy.entities.length / 2)];
  const field = entity?.fields.at(-1);
  if (!entity || !field) throw new Error('no field to rename');
  const what = `${entity.name}.${field.name} → ${field.name}_renamed`;
  field.name = `${field.name}_renamed`;
  return { erd: copy, what };
}

async function caching(): Promise<void> {
  const server = await startOpenAiServer({ responder: draftResponder });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-pool-bench-'));
  try {
    const erd = await loadExample('seed-legacy-massive.json');
    const cold = await llmRun(server, erd, { concurrency: 8, cache: new AgentCache({ dir }) });
    const warm = await llmRun(server, erd, { concurrency: 8, cache: new AgentCache({ dir }) });
    const renamed = renameOneField(erd);
    const edit = await llmRun(server, renamed.erd, { concurrency: 8, cache: new AgentCache({ dir }) });
    const coldCalls = cold.result.metrics.llmCalls;
    console.log(
      `\n== Cache (seed-legacy-massive, ${erd.entities.length} entities, ${cold.result.metrics.units} units) ==`,
    );
    console.log(`cold run: ${coldCalls} model calls in ${(cold.ms / 1000).toFixed(2)} s`);
    console.log(
      `unchanged rerun: ${warm.result.metrics.llmCalls} model calls (goal 0), ${warm.result.metrics.cacheHits} hits, ${(warm.ms / 1000).toFixed(2)} s`,
    );
    const share = edit.result.metrics.llmCalls / Math.max(1, coldCalls);
    console.log(
      `renamed ${renamed.what}: ${edit.result.metrics.llmCalls} model calls = ${(share * 100).toFixed(1)}% of cold (goal ≤ 10%), ${edit.result.metrics.cacheHits} hits`,
    );
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function recovery(): Promise<void> {
  const server = await startOpenAiServer({ responder: draftResponder, latencyMs: 20 });
  try {
    const erd = await loadExample('seed-v2-jobboard.json');
    const faults: Fault[] = [
      { kind: 'rateLimit', retryAfterMs: 300 },
      { kind: 'serverError', status: 500 },
      { kind: 'serverError', status: 503 },
      { kind: 'hang' },
      { kind: 'truncated' },
      { kind: 'chatter' },
      { kind: 'streamError', afterChunks: 2 },
      { kind: 'reset', afterChunks: 1 },
    ];
    server.inject(...faults);
    const { result, ms } = await llmRun(server, erd, { concurrency: 4, timeoutMs: 1_500 });
    const failures = result.files.flatMap((f) => f.attempts.filter((a) => a.outcome !== 'ok'));
    const byClass = new Map<string, number>();
    for (const a of failures)
      byClass.set(`${a.outcome}→${a.action}`, (byClass.get(`${a.outcome}→${a.action}`) ?? 0) + 1);
    console.log(
      `\n== Recovery (seed-v2-jobboard; faults: ${faults.map((f) => f.kind + ('status' in f && f.status ? ` ${f.status}` : '')).join(', ')}) ==`,
    );
    const expected = generateProject(erd).map((f) => f.path);
    const delivered = expected.filter((p) => result.files.some((f) => f.path === p)).length;
    console.log(
      `files delivered ${delivered} of ${expected.length} (goal all), from the model ${result.files.filter((f) => f.source === 'llm').length}, fallbacks ${result.metrics.fallbacks} (goal 0), in ${(ms / 1000).toFixed(2)} s`,
    );
    console.log(
      `model calls ${result.metrics.llmCalls}, retries ${result.metrics.retries}: ${[...byClass].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
    console.log(
      `faults injected by the server: ${server.requests
        .filter((r) => r.fault !== null)
        .map((r) => r.fault)
        .join(', ')}`,
    );
  } finally {
    await server.close();
  }
}

export async function runPoolBenchmarks(): Promise<void> {
  await parallelism();
  await caching();
  await recovery();
}
