/**
 * The machine-readable account of one generation run (`djforge generate --json`). Later stages
 * add scores, categories, cache and recovery figures to the same shape, so every part is an
 * object that can grow new keys without breaking readers.
 */
import type { Diagnostic } from '../../src-shared/diagnostics';
import type { CacheStats } from './cache/agent-cache';
import type { AgentId } from './generate/types';
import type { AttemptRecord } from './recovery/attempt';

export type FileSource = 'template' | 'llm' | 'cache' | 'fallback';

/** One model call for one unit of the file (the LLM engine only). */
export interface AttemptReport extends AttemptRecord {
  unitId: string;
}

export interface FileReport {
  path: string;
  agent: AgentId;
  source: FileSource;
  written: boolean;
  bytes: number;
  /** Units the file was assembled from. */
  units: number;
  attempts: AttemptReport[];
}

export interface RunMetrics {
  pipelineMs: number;
  importMs: number;
  generateMs: number;
  writeMs: number;
  entities: number;
  relations: number;
  files: number;
  bytes: number;
  units: number;
  llmCalls: number;
  cacheHits: number;
  cacheMisses: number;
  retries: number;
  fallbacks: number;
  tokens: number;
  tokensSaved: number;
  maxInFlight: number;
}

export interface GenerationReport {
  ok: boolean;
  tool: { name: 'djforge'; version: string };
  engine: 'template' | 'llm';
  erd: { file: string; format: string | null; project: string | null };
  out: string | null;
  files: FileReport[];
  diagnostics: Diagnostic[];
  metrics: RunMetrics;
  /** The LLM engine's settings (never the key; the endpoint without credentials). */
  llm?: { provider: string | null; endpoint: string; model: string; fallbackModels: string[]; concurrency: number };
  /** The cache of the LLM engine: folder and statistics; null with --no-cache. */
  cache?: (CacheStats & { dir: string; diskBytes: number }) | null;
}
