/**
 * Progress of a run as typed events, one discriminated union for every host: the CLI prints them,
 * the desktop app forwards them to the renderer, the web host streams them. A unit is one piece of
 * work (an entity's model class, a whole settings file); a file is ready as soon as all its units
 * are, so review never waits for the whole run.
 */
import type { FileSource } from '../../../src-shared/api/model';
import type { AttemptRecord } from '../recovery/attempt';

export type { FileSource };

/** One progress event of a run; `type` tells them apart. */
export type PoolEvent =
  | { type: 'queued'; unitId: string; agent: string; file: string }
  | { type: 'started'; unitId: string; agent: string; file: string; model: string | null }
  /** Partial answer text of an LLM attempt: the new piece and everything so far. */
  | { type: 'streaming'; unitId: string; model: string; delta: string; text: string }
  | { type: 'cached'; unitId: string; file: string }
  | { type: 'done'; unitId: string; file: string; source: FileSource; durationMs: number }
  | { type: 'failed'; unitId: string; file: string; message: string }
  /** An attempt failed and recovery will try again (`nextModel` may equal the failed one). */
  | { type: 'retrying'; unitId: string; attempt: AttemptRecord; nextModel: string; waitMs: number }
  /** Every strategy was exhausted: the unit uses its deterministic draft. */
  | { type: 'fellBack'; unitId: string; file: string; reason: string }
  /** A file whose units are all done, assembled: it can enter review now. */
  | { type: 'fileReady'; file: string; agent: string; source: FileSource; content: string };

export type PoolEventType = PoolEvent['type'];
