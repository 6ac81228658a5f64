import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../src-shared/api';
import { createStudioBridge, type IpcLike } from './bridge';

function fakeIpc() {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcLike = {
    invoke: async (channel, payload) => {
      calls.push([channel, payload]);
      return { ok: true, value: channel };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const fire = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'x' }, payload));
  return { ipc, calls, fire, listeners };
}

describe('the preload bridge', () => {
  it('exposes exactly one function per contract method and one subscriber per event', () => {
    const bridge = createStudioBridge(fakeIpc().ipc);
    const keys = Object.keys(bridge);
    expect(keys.filter((k) => !k.startsWith('on'))).toEqual(METHOD_NAMES);
    expect(keys.filter((k) => k.startsWith('on'))).toEqual([
      'onRunProgress',
      'onRunText',
      'onFileReady',
      'onFindings',
      'onFileVersion',
      'onFileDecision',
      'onRegenerationText',
      'onRunFinished',
      'onMenuCommand',
      'onWriteProgress',
      'onRuntimeCheckProgress',
    ]);
    expect(keys).not.toContain('invoke');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each method on its own channel', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createStudioBridge(ipc);
    expect(await bridge.cancelRun({ runId: 'r1' })).toEqual({ ok: true, value: 'studio:cancelRun' });
    expect(calls).toEqual([['studio:cancelRun', { runId: 'r1' }]]);
  });

  it('delivers only the payload to listeners, and unsubscribes', () => {
    const { ipc, fire, listeners } = fakeIpc();
    const bridge = createStudioBridge(ipc);
    const seen: unknown[] = [];
    const off = bridge.onRunText((payload) => seen.push(payload));
    fire('studio:event:runText', { runId: 'r', unitId: 'u', delta: 'def' });
    off();
    fire('studio:event:runText', { runId: 'r', unitId: 'u', delta: 'more' });
    expect(seen).toEqual([{ runId: 'r', unitId: 'u', delta: 'def' }]);
    expect(listeners.get('studio:event:runText')?.size).toBe(0);
  });
});
