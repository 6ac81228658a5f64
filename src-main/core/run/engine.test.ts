import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DjForgeError } from '../errors';
import { chooseCacheDir, prepareEngine } from './engine';

describe('the engine every host prepares', () => {
  it('chooses the cache folder by one rule: the choice, AGENT_CACHE_DIR, XDG, then home', () => {
    const place = { env: {}, cwd: '/work', home: '/home/ada' };
    expect(chooseCacheDir('cache', place)).toBe(path.resolve('/work/cache'));
    expect(chooseCacheDir(null, { ...place, env: { AGENT_CACHE_DIR: '/shared/djf' } })).toBe('/shared/djf');
    expect(chooseCacheDir(undefined, { ...place, env: { XDG_CACHE_HOME: '/xdg' } })).toBe('/xdg/djforge');
    expect(chooseCacheDir(null, place)).toBe('/home/ada/.cache/djforge');
  });

  it('prepares the template engine with no cache and nothing to release', async () => {
    const prepared = await prepareEngine({ engine: 'template', concurrency: 3 }, { env: {}, cwd: '/' });
    expect(prepared).toMatchObject({ options: { engine: 'template', concurrency: 3 }, cacheDir: null, warnings: [] });
    await prepared.close();
  });

  it('refuses a hosted provider without a key, and an endpoint nobody answers, with their own codes', async () => {
    const hosted = prepareEngine(
      { engine: 'llm', concurrency: 1, llm: { provider: 'openrouter', model: 'm' } },
      { env: {}, cwd: '/' },
    );
    await expect(hosted).rejects.toBeInstanceOf(DjForgeError);
    await expect(hosted).rejects.toMatchObject({ code: 'settings.invalid', message: /OpenRouter needs an API key/ });
    await expect(
      prepareEngine(
        { engine: 'llm', concurrency: 1, llm: { baseURL: 'http://127.0.0.1:9/v1', model: 'm', noCache: true } },
        { env: {}, cwd: '/' },
      ),
    ).rejects.toMatchObject({ code: 'llm.unusable', message: /^Cannot reach http:\/\/127\.0\.0\.1:9\/v1/ });
  });
});
