/**
 * The in-memory layer of the cache: least recently used entries are dropped first once either the
 * entry count or the byte budget is exceeded. A Map keeps insertion order, so re-inserting on read
 * is all the bookkeeping LRU needs.
 */

export interface MemoryLruOptions {
  maxEntries?: number;
  maxBytes?: number;
}

/** Bounded by entry count and by bytes; `get` refreshes an entry. */
export class MemoryLru<V> {
  private readonly items = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;

  constructor(options: MemoryLruOptions = {}) {
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.items.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const item = this.items.get(key);
    if (!item) return undefined;
    this.items.delete(key);
    this.items.set(key, item);
    return item.value;
  }

  /** Stores `value` as the most recently used; a value larger than the whole budget is not kept. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.items.set(key, { value, bytes });
    this.totalBytes += bytes;
    for (const [oldest, item] of this.items) {
      if (this.items.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      this.items.delete(oldest);
      this.totalBytes -= item.bytes;
    }
  }

  delete(key: string): void {
    const item = this.items.get(key);
    if (!item) return;
    this.items.delete(key);
    this.totalBytes -= item.bytes;
  }

  clear(): void {
    this.items.clear();
    this.totalBytes = 0;
  }
}
