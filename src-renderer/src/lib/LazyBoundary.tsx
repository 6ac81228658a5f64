import { Component, Suspense, type ReactNode } from 'react';

interface Props {
  /** Shown while the heavy part loads, and instead of it if it cannot load. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Where a lazily loaded adapter (Monaco, React Flow, Chart.js) is mounted: its fallback stands in
 * while the chunk loads and, should loading or rendering fail, for good — so the workspace keeps
 * working with the plain view instead of going blank.
 */
export class LazyBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback;
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>;
  }
}
