/**
 * The disk layer of the cache: one JSON file per key under `<dir>/v1/<2 hex>/<key>.json`, written
 * to a temporary sibling and renamed into place so a reader (another process sharing the folder)
 * never sees half an entry. Each file carries a checksum of its payload; a file that does not
 * parse, has the wrong key or fails the checksum is reported as corrupt and treated as a miss, and
 * the next write replaces it. A byte cap evicts the least recently used files (reads refresh the
 * modification time).
 */
import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { canonicalJson, sha256, type CacheKey } from './cache-key';

/** The part of `fs.promises` the store uses, injectable for tests of failure paths. */
export interface CacheFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  writeFile(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  unlink(file: string): Promise<void>;
  utimes(file: string, atime: Date, mtime: Date): Promise<void>;
}

export type DiskReadResult<P> =
  { status: 'hit'; payload: P; bytes: number } | { status: 'miss' } | { status: 'corrupt'; reason: string };

export interface DiskStoreOptions {
  dir: string;
  /** Byte cap of the folder; least recently used entries are evicted past it. Default 256 MiB. */
  maxBytes?: number;
  fs?: CacheFs;
  now?: () => number;
}

const LAYOUT = 'v1';
const FORMAT = 'djforge-cache';

/** One folder of checksummed JSON entries with a byte cap; shared safely between processes. */
export class DiskStore<P> {
  readonly dir: string;
  readonly maxBytes: number;
  private readonly fs: CacheFs;
  private readonly now: () => number;
  private sizes: Map<string, number> | null = null;
  private total = 0;
  evictions = 0;

  constructor(options: DiskStoreOptions) {
    this.dir = path.join(options.dir, LAYOUT);
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.fs = options.fs ?? (nodeFs as unknown as CacheFs);
    this.now = options.now ?? Date.now;
  }

  fileFor(key: CacheKey): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async read(key: CacheKey): Promise<DiskReadResult<P>> {
    const file = this.fileFor(key);
    let text: string;
    try {
      text = await this.fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'miss' };
      return { status: 'corrupt', reason: `cannot read ${file}: ${(e as Error).message}` };
    }
    const reason = checkEnvelope(text, key);
    if (typeof reason === 'string') return { status: 'corrupt', reason: `${file}: ${reason}` };
    const time = new Date(this.now());
    this.fs.utimes(file, time, time).catch(() => undefined);
    return { status: 'hit', payload: reason.payload as P, bytes: Buffer.byteLength(text) };
  }

  /** Writes atomically; returns the bytes written. Failures reject (the caller counts them). */
  async write(key: CacheKey, payload: P): Promise<number> {
    const file = this.fileFor(key);
    const text = JSON.stringify({ format: FORMAT, key, checksum: sha256(canonicalJson(payload)), payload });
    await this.fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await this.fs.writeFile(tmp, text);
    await this.fs.rename(tmp, file);
    const bytes = Buffer.byteLength(text);
    const sizes = await this.index();
    this.total += bytes - (sizes.get(file) ?? 0);
    sizes.set(file, bytes);
    if (this.total > this.maxBytes) await this.evict();
    return bytes;
  }

  /** Deletes the entry of `key` (absent is fine): an answer that failed validation must not be served again. */
  async remove(key: CacheKey): Promise<void> {
    const file = this.fileFor(key);
    await this.fs.unlink(file).catch(() => undefined);
    const sizes = this.sizes;
    if (sizes?.has(file)) {
      this.total -= sizes.get(file) ?? 0;
      sizes.delete(file);
    }
  }

  /** Bytes currently on disk as far as this process knows (scanned once, then tracked). */
  async size(): Promise<number> {
    await this.index();
    return this.total;
  }

  private async index(): Promise<Map<string, number>> {
    if (this.sizes) return this.sizes;
    const sizes = new Map<string, number>();
    for (const { file, size } of await this.listEntries()) sizes.set(file, size);
    this.sizes = sizes;
    this.total = [...sizes.values()].reduce((a, b) => a + b, 0);
    return sizes;
  }

  private async listEntries(): Promise<Array<{ file: string; size: number; mtimeMs: number }>> {
    const entries: Array<{ file: string; size: number; mtimeMs: number }> = [];
    for (const shard of await this.fs.readdir(this.dir).catch(() => [] as string[])) {
      const shardDir = path.join(this.dir, shard);
      for (const name of await this.fs.readdir(shardDir).catch(() => [] as string[])) {
        if (!name.endsWith('.json')) continue;
        const file = path.join(shardDir, name);
        const stat = await this.fs.stat(file).catch(() => null);
        if (stat) entries.push({ file, size: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
    return entries;
  }

  /** Deletes least recently used entries until the folder is at 90% of the cap. */
  private async evict(): Promise<void> {
    const entries = (await this.listEntries()).sort((a, b) => a.mtimeMs - b.mtimeMs);
    const sizes = new Map(entries.map((e) => [e.file, e.size]));
    let total = entries.reduce((n, e) => n + e.size, 0);
    const target = this.maxBytes * 0.9;
    for (const entry of entries) {
      if (total <= target) break;
      await this.fs.unlink(entry.file).catch(() => undefined);
      sizes.delete(entry.file);
      total -= entry.size;
      this.evictions += 1;
    }
    this.sizes = sizes;
    this.total = total;
  }
}

/** The payload of a well-formed envelope for `key`, or why it is not one. */
function checkEnvelope(text: string, key: CacheKey): { payload: unknown } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON (truncated?)';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'not an entry object';
  const envelope = parsed as { format?: unknown; key?: unknown; checksum?: unknown; payload?: unknown };
  if (envelope.format !== FORMAT) return 'unknown format';
  if (envelope.key !== key) return 'entry belongs to another key';
  if (envelope.payload === undefined || envelope.checksum !== sha256(canonicalJson(envelope.payload)))
    return 'checksum mismatch';
  return { payload: envelope.payload };
}
