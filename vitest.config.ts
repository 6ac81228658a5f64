import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The renderer's path aliases, as electron.vite.config.ts gives them to the build. */
const RENDERER_ALIASES = {
  '@shared': resolve(import.meta.dirname, 'src-shared'),
  '@renderer': resolve(import.meta.dirname, 'src-renderer/src'),
};

/**
 * Two projects: plain Node for the core, the hosts and every pure `.ts` module (the renderer's
 * models and slices included), and jsdom for the renderer's components (`*.test.tsx`, with
 * React Testing Library).
 */
export default defineConfig({
  resolve: { alias: RENDERER_ALIASES },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at once even on a 2-core machine (vitest's default there is one): most of the
    // slow files wait on Python subprocesses, so the node worker idles. Measured on 2 cores:
    // 785 s with one worker, 546 s with two, all 1,528 tests passing.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src-shared/**/*.test.ts',
            'src-main/**/*.test.ts',
            'src-preload/**/*.test.ts',
            'src-renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test-support/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src-renderer/**/*.test.tsx'],
          setupFiles: ['src-renderer/vitest.setup.ts'],
        },
      },
    ],
  },
});
