#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout, so `npx djforge` works right after
// `npm install` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/index.ts');
