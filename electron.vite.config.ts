import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src-shared/api/csp';

/** `@shared` and `@renderer` for the renderer's imports (vitest.config.ts gives tests the same). */
const RENDERER_ALIASES = {
  '@shared': resolve(__dirname, 'src-shared'),
  '@renderer': resolve(__dirname, 'src-renderer/src'),
};

/**
 * Writes the page's Content-Security-Policy into `index.html` from `src-shared/api/csp.ts`, first
 * in `<head>`, so the policy in the HTML cannot drift from the one the hosts send as a header
 * (e2e/web-csp.spec.ts checks the built page). `index.html` itself must state none.
 */
function cspMetaPlugin(): Plugin {
  return {
    name: 'djforge-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (/http-equiv=["']?Content-Security-Policy/i.test(html)) {
          throw new Error(
            'src-renderer/index.html states its own Content-Security-Policy; remove it: the build writes the one from src-shared/api/csp.ts.',
          );
        }
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'src-main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: bundle the contract (and zod) into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias: RENDERER_ALIASES },
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    // Monaco's editor worker is built by Vite (`?worker`) as an ES module, never fetched from a CDN.
    worker: { format: 'es' },
    plugins: [react(), cspMetaPlugin()],
  },
});
