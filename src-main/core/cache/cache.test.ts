import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentCache, type CachedUnit } from './agent-cache';
import { cacheKey, canonicalJson, endpointIdentity, type CacheKeyParts } from './cache-key';
import { resolveCacheDir } from './cache-dir';
import { DiskStore } from './disk-store';
import { MemoryLru } from './memory-lru';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'djforge-cache-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const parts: CacheKeyParts = {
  agent: 'models',
  agentVersion: 1,
  unitId: 'models:core:Job',
  engine: 'llm',
  model: { name: 'fake-coder', endpoint: 'http://127.0.0.1:1/v1', params: { temperature: 0.2 } },
  promptVersion: 1,
  slice: { entity: { name: 'Job', fields: [{ name: 'title', type: 'string' }] } },
  draftHash: 'abc',
  inputs: {},
  instructions: '',
};

function entry(code: string, tokens = 100): CachedUnit {
  return {
    unitId: 'u',
    agent: 'models',
    code,
    model: 'fake-coder',
    tokens,
    durationMs: 1000,
    createdAt: '2026-01-01T00:00:00Z',
  };
}

describe('cache keys', () => {
  it('ignore key order and change with every input', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    const base = cacheKey(parts);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...parts, model: { ...parts.model, params: { temperature: 0.2 } } })).toBe(base);
    const variants: CacheKeyParts[] = [
      { ...parts, agentVersion: 2 },
      { ...parts, engine: 'template' },
      { ...parts, model: { ...parts.model, name: 'other' } },
      { ...parts, model: { ...parts.model, params: { temperature: 0.3 } } },
      { ...parts, promptVersion: 2 },
      { ...parts, slice: { entity: { name: 'Job', fields: [{ name: 'headline', type: 'string' }] } } },
      { ...parts, draftHash: 'abd' },
      { ...parts, inputs: { 'models:core:Job': 'x' } },
      { ...parts, instructions: 'use UUID keys' },
    ];
    expect(new Set(variants.map(cacheKey)).size).toBe(variants.length);
    expect(variants.map(cacheKey)).not.toContain(base);
  });

  it('strip credentials and queries from endpoints', () => {
    expect(endpointIdentity('https://user:sk-secret@api.example.com/v1/?key=sk-secret#x')).toBe(
      'https://api.example.com/v1',
    );
    expect(endpointIdentity('not a url')).toBe('');
  });
});

describe('MemoryLru', () => {
  it('evicts the least recently used entry by count and by bytes', () => {
    const lru = new MemoryLru<string>({ maxEntries: 2, maxBytes: 100 });
    lru.set('a', 'A', 10);
    lru.set('b', 'B', 10);
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C', 10);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c')]).toEqual(['A', 'C']);
    lru.set('d', 'D', 95);
    expect(lru.size).toBe(1);
    expect(lru.bytes).toBe(95);
    lru.set('huge', 'H', 101);
    expect(lru.get('huge')).toBeUndefined();
  });
});

describe('AgentCache', () => {
  it('misses, then hits from memory, then from disk in a new process, counting savings', async () => {
    const key = cacheKey(parts);
    const first = new AgentCache({ dir });
    expect(await first.get(key)).toBeNull();
    await first.set(key, entry('class Job: pass\n', 120));
    expect(await first.get(key)).toMatchObject({ code: 'class Job: pass\n' });
    expect(first.stats()).toMatchObject({
      hits: 1,
      memoryHits: 1,
      diskHits: 0,
      misses: 1,
      writes: 1,
      tokensSaved: 120,
      timeSavedMs: 1000,
    });

    const second = new AgentCache({ dir });
    expect(await second.get(key)).toMatchObject({ code: 'class Job: pass\n' });
    expect(await second.get(key)).not.toBeNull();
    expect(second.stats()).toMatchObject({ hits: 2, diskHits: 1, memoryHits: 1, misses: 0 });
    expect(second.stats().bytesRead).toBeGreaterThan(100);
    const files = await fs.readdir(path.join(dir, 'v1', key.slice(0, 2)));
    expect(files).toEqual([`${key}.json`]);
  });

  it.each([
    ['truncated JSON', (t: string) => t.slice(0, t.length / 2)],
    ['an edited payload', (t: string) => t.replace('class Job', 'class Hacked')],
    ['another key', (t: string) => t.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`)],
  ])('ignores a corrupt entry (%s) and rewrites it', async (_label, damage) => {
    const key = cacheKey(parts);
    await new AgentCache({ dir }).set(key, entry('class Job: pass\n'));
    const file = new DiskStore({ dir }).fileFor(key);
    await fs.writeFile(file, damage(await fs.readFile(file, 'utf8')));
    const cache = new AgentCache({ dir });
    expect(await cache.get(key)).toBeNull();
    expect(cache.stats()).toMatchObject({ corrupt: 1, misses: 1, hits: 0 });
    expect(cache.problems[0]).toContain(file);
    await cache.set(key, entry('class Job: pass\n'));
    expect(await new AgentCache({ dir }).get(key)).toMatchObject({ code: 'class Job: pass\n' });
  });

  it('stays readable when two processes write the same key at once', async () => {
    const key = cacheKey(parts);
    const a = new AgentCache({ dir });
    const b = new AgentCache({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set(key, entry(`x = ${i % 2}\n`))));
    const read = await new AgentCache({ dir }).get(key);
    expect(['x = 0\n', 'x = 1\n']).toContain(read?.code);
    const shard = await fs.readdir(path.join(dir, 'v1', key.slice(0, 2)));
    expect(shard).toEqual([`${key}.json`]);
  });

  it('evicts least recently used files past the byte cap', async () => {
    let clock = 1_000_000;
    const cache = new AgentCache({ dir, maxDiskBytes: 2_000, now: () => clock });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => cacheKey({ ...parts, unitId: s }));
    for (const [i, key] of keys.entries()) {
      await cache.set(key, entry('x'.repeat(300) + i));
      const file = new DiskStore({ dir }).fileFor(key);
      await fs.utimes(file, new Date(clock), new Date(clock));
      clock += 10_000;
    }
    expect(cache.stats().evictions).toBeGreaterThan(0);
    expect(await cache.bytes()).toBeLessThanOrEqual(2_000);
    const fresh = new AgentCache({ dir });
    expect(await fresh.get(keys[5] as string)).not.toBeNull();
    expect(await fresh.get(keys[0] as string)).toBeNull();
  });

  it('counts a write failure without throwing, and still serves from memory', async () => {
    const failing = { ...fs, rename: () => Promise.reject(new Error('EROFS: read-only file system')) };
    const cache = new AgentCache({ dir, fs: failing as never });
    const key = cacheKey(parts);
    await cache.set(key, entry('x = 1\n'));
    expect(cache.stats()).toMatchObject({ writes: 0, writeErrors: 1 });
    expect(cache.problems[0]).toMatch(/cannot write .*EROFS/);
    expect(await cache.get(key)).not.toBeNull();
  });
});

describe('resolveCacheDir', () => {
  const base = { home: '/home/ana', cwd: '/work' };
  it('prefers the flag, then AGENT_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    const env = { AGENT_CACHE_DIR: 'shared', XDG_CACHE_HOME: '/xdg' };
    expect(resolveCacheDir({ ...base, env, explicit: 'mine' })).toBe('/work/mine');
    expect(resolveCacheDir({ ...base, env })).toBe('/work/shared');
    expect(resolveCacheDir({ ...base, env: { XDG_CACHE_HOME: '/xdg' } })).toBe('/xdg/djforge');
    expect(resolveCacheDir({ ...base, env: { XDG_CACHE_HOME: 'relative', AGENT_CACHE_DIR: ' ' } })).toBe(
      '/home/ana/.cache/djforge',
    );
  });
});
