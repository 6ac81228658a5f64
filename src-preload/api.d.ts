/** The shape of `window.studio`, derived from the preload's bridge (and so from the contract). */
import type { StudioBridge } from './bridge';

declare global {
  interface Window {
    studio?: StudioBridge;
  }
}

export type { StudioBridge };
