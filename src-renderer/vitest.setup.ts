// Component tests (jsdom): DOM matchers, and a clean document after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom lacks two browser APIs React Flow measures nodes with. They stand in for the browser (outside
// the code under test), as React Flow's own testing guide does: a transform reader that knows the
// scale, and a ResizeObserver that never reports (jsdom lays nothing out).
class DOMMatrixReadOnlyShim {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}
class ResizeObserverShim {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const browser = globalThis as Record<string, unknown>;
browser['DOMMatrixReadOnly'] ??= DOMMatrixReadOnlyShim;
browser['ResizeObserver'] ??= ResizeObserverShim;
