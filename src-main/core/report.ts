/**
 * The machine-readable account of one generation run (`djforge generate --json`). Later stages
 * add scores, categories, cache and recovery figures to the same shape, so every part is an
 * object that can grow new keys without breaking readers.
 */
import type { Diagnostic } from '../../src-shared/diagnostics';
import type { AgentId } from './generate/types';

export type FileSource = 'template' | 'llm' | 'cache' | 'fallback';

export interface FileReport {
  path: string;
  agent: AgentId;
  source: FileSource;
  written: boolean;
  bytes: number;
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
}
