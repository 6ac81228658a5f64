/**
 * Content-addressed cache keys: a SHA-256 over a canonical JSON of everything that determines a
 * unit's output. Canonical means object keys sorted at every depth, so the same inputs always give
 * the same key whatever order they were built in. Secrets have no place in the parts: the API key
 * is not an input of the output, and base URLs are stripped of credentials before they get here.
 */
import { createHash } from 'node:crypto';

/** A hex SHA-256 naming one cache entry. */
export type CacheKey = string;

/** Everything that determines what a unit produces. */
export interface CacheKeyParts {
  agent: string;
  agentVersion: number;
  unitId: string;
  engine: 'template' | 'llm';
  /** Model and sampling parameters (temperature, max tokens), and the endpoint without credentials. */
  model: { name: string; endpoint?: string; params: Readonly<Record<string, unknown>> };
  promptVersion: number;
  /** The slice of the ERD the unit reads. */
  slice: unknown;
  /** Hash of the deterministic draft the prompt carries. */
  draftHash: string;
  /** Hashes of the dependency outputs the unit reads, by unit id. */
  inputs: Readonly<Record<string, string>>;
  instructions: string;
}

/** JSON with object keys sorted at every depth; `undefined` members are dropped like JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Hex SHA-256 of a string (UTF-8). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The key of a unit's output: equal parts (in any key order) give equal keys. */
export function cacheKey(parts: CacheKeyParts): CacheKey {
  return sha256(canonicalJson(parts));
}

/** A URL without user, password, query or fragment: safe to hash and to show. */
export function endpointIdentity(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}
