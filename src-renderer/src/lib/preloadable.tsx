import { lazy, useState, type ComponentType } from 'react';

/**
 * A component loaded on demand that can also be fetched ahead (say, once its workspace is shown
 * and idle). React's `lazy` alone suspends on its first render even when the chunk has already
 * arrived — the import promise is new to it — and React then holds the Suspense fallback for its
 * reveal throttle (about 300 ms) before drawing: measured as a quarter of a second added to opening
 * a 150-entity diagram. Once the chunk is in, a new instance renders the loaded component directly.
 * An instance keeps the component it started with, so a mounted view is never swapped (and reset)
 * when the chunk arrives.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Component: ComponentType<P>; preload: () => void } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetch = () =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = null; // a failed fetch (a dropped connection) is tried again next time
        throw error;
      },
    ));
  const Lazy = lazy(fetch);
  function Preloadable(props: P) {
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { Component: Preloadable, preload: () => void fetch().catch(() => undefined) };
}
