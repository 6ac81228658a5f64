/**
 * The agents' cache: a memory LRU in front of a disk store, keyed by content (see cache-key.ts),
 * with the statistics the report and dashboard show. Only complete, validated LLM outputs are
 * stored (the engine never offers failed, truncated or fallen-back outputs); a disk failure
 * degrades to a miss or an unwritten entry, never to a failed run.
 */
import type { CacheKey } from './cache-key';
import { DiskStore, type CacheFs } from './disk-store';
import { MemoryLru } from './memory-lru';

/** A stored unit output and what producing it cost (for "tokens/time saved"). */
export interface CachedUnit {
  unitId: string;
  agent: string;
  code: string;
  model: string;
  tokens: number;
  durationMs: number;
  createdAt: string;
}

/** What the cache did during its lifetime (one run, for the CLI). */
export interface CacheStats {
  hits: number;
  memoryHits: number;
  diskHits: number;
  misses: number;
  /** Entries found unreadable, truncated or tampered with (then treated as misses). */
  corrupt: number;
  writes: number;
  writeErrors: number;
  bytesRead: number;
  bytesWritten: number;
  evictions: number;
  tokensSaved: number;
  timeSavedMs: number;
}

export interface AgentCacheOptions {
  /** Disk folder; without one the cache lives in memory only. */
  dir?: string;
  maxDiskBytes?: number;
  maxMemoryEntries?: number;
  maxMemoryBytes?: number;
  fs?: CacheFs;
  now?: () => number;
}

/** Memory LRU over an optional disk store; `get` never throws, `set` never throws. */
export class AgentCache {
  private readonly memory: MemoryLru<CachedUnit>;
  private readonly disk: DiskStore<CachedUnit> | null;
  private readonly counters: Omit<CacheStats, 'evictions'> = {
    hits: 0,
    memoryHits: 0,
    diskHits: 0,
    misses: 0,
    corrupt: 0,
    writes: 0,
    writeErrors: 0,
    bytesRead: 0,
    bytesWritten: 0,
    tokensSaved: 0,
    timeSavedMs: 0,
  };
  /** Why entries were corrupt, for diagnostics. */
  readonly problems: string[] = [];

  constructor(options: AgentCacheOptions = {}) {
    this.memory = new MemoryLru({ maxEntries: options.maxMemoryEntries, maxBytes: options.maxMemoryBytes });
    this.disk =
      options.dir === undefined
        ? null
        : new DiskStore<CachedUnit>({
            dir: options.dir,
            maxBytes: options.maxDiskBytes,
            fs: options.fs,
            now: options.now,
          });
  }

  get dir(): string | null {
    return this.disk?.dir ?? null;
  }

  async get(key: CacheKey): Promise<CachedUnit | null> {
    const inMemory = this.memory.get(key);
    if (inMemory) {
      this.counters.memoryHits += 1;
      return this.hit(inMemory);
    }
    const read = this.disk ? await this.disk.read(key) : ({ status: 'miss' } as const);
    if (read.status === 'hit' && isCachedUnit(read.payload)) {
      this.counters.diskHits += 1;
      this.counters.bytesRead += read.bytes;
      this.memory.set(key, read.payload, read.bytes);
      return this.hit(read.payload);
    }
    if (read.status === 'corrupt' || read.status === 'hit') {
      this.counters.corrupt += 1;
      this.problems.push(read.status === 'corrupt' ? read.reason : `${key}: payload has the wrong shape`);
    }
    this.counters.misses += 1;
    return null;
  }

  async set(key: CacheKey, entry: CachedUnit): Promise<void> {
    const bytes = Buffer.byteLength(JSON.stringify(entry));
    this.memory.set(key, entry, bytes);
    if (!this.disk) {
      this.counters.writes += 1;
      return;
    }
    try {
      this.counters.bytesWritten += await this.disk.write(key, entry);
      this.counters.writes += 1;
    } catch (e) {
      this.counters.writeErrors += 1;
      this.problems.push(`cannot write ${this.disk.fileFor(key)}: ${(e as Error).message}`);
    }
  }

  /**
   * Forgets the answer stored under `key`, in memory and on disk: the file it belongs to failed
   * validation and was replaced by its draft, so a rerun must ask the model again.
   */
  async evict(key: CacheKey): Promise<void> {
    this.memory.delete(key);
    await this.disk?.remove(key);
  }

  stats(): CacheStats {
    return { ...this.counters, evictions: this.disk?.evictions ?? 0 };
  }

  /** Bytes on disk (as tracked by this process), or in memory for a memory-only cache. */
  async bytes(): Promise<number> {
    return this.disk ? this.disk.size() : this.memory.bytes;
  }

  private hit(entry: CachedUnit): CachedUnit {
    this.counters.hits += 1;
    this.counters.tokensSaved += entry.tokens;
    this.counters.timeSavedMs += entry.durationMs;
    return entry;
  }
}

function isCachedUnit(value: unknown): value is CachedUnit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['unitId'] === 'string' &&
    typeof v['agent'] === 'string' &&
    typeof v['code'] === 'string' &&
    typeof v['model'] === 'string' &&
    typeof v['tokens'] === 'number' &&
    typeof v['durationMs'] === 'number'
  );
}
