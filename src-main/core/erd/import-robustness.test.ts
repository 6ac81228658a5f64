import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importErdText, serializeErd } from './index';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';

const EXAMPLES = EXAMPLES_DIR;

/** A small deterministic generator, so a failure reproduces with the same documents. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function mutate(value: unknown, rnd: () => number): unknown {
  const junk = [null, 7, 'x', [], {}, true, [{ name: 'a' }]];
  if (rnd() < 0.06) return junk[Math.floor(rnd() * junk.length)];
  if (Array.isArray(value)) return value.map((v) => mutate(v, rnd));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (rnd() < 0.05) continue;
      out[rnd() < 0.03 ? `${k}x` : k] = mutate(v, rnd);
    }
    return out;
  }
  if (typeof value === 'string' && rnd() < 0.05)
    return value + ['__', '_', ' ', '\u0001', 'Serializer', 'self'][Math.floor(rnd() * 6)];
  return value;
}

describe('importErdText on damaged documents', () => {
  const bases = EXAMPLE_NAMES.map((name) => JSON.parse(readFileSync(`${EXAMPLES}/${name}`, 'utf8')) as unknown);
  const native = importErdText(readFileSync(`${EXAMPLES}/seed-v2-jobboard.json`, 'utf8'), 'jobboard.json').erd;
  bases.push(JSON.parse(serializeErd(native ?? ({} as never))) as unknown);

  it('never throws, locates every diagnostic in the text, and round-trips whatever it accepts', () => {
    const rnd = random(20261125);
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const text = JSON.stringify(mutate(bases[i % bases.length], rnd), null, 2);
      const result = importErdText(text, 'damaged.json');
      const unlocated = result.diagnostics.filter(
        (d) => d.line === undefined && d.path !== undefined && !d.path.startsWith('project'),
      );
      expect(unlocated, text).toEqual([]);
      if (result.erd === null) {
        expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        continue;
      }
      accepted++;
      const again = importErdText(serializeErd(result.erd), 'again.json');
      expect(isDeepStrictEqual(again.erd, result.erd), text).toBe(true);
    }
    expect(accepted).toBeGreaterThan(5);
  });
});
