/** The shape of `window.studio`, shared by the preload (which builds it) and the renderer. */
export interface StudioBridge {
  version(): Promise<string>;
}

declare global {
  interface Window {
    studio?: StudioBridge;
  }
}
