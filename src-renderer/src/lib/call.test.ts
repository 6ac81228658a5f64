import { describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import { connectFakeStudio, refusal } from '../../test-support/fake-studio';
import { call, errorSentence } from './call';
import { connectClient } from './client';
import type { StudioClient } from '@shared/api';
import type { ErrorCode } from '@shared/error-codes';

const toasts = () => useStudio.getState().toasts.map(({ kind, text }) => ({ kind, text }));

describe('errorSentence', () => {
  it('is the host’s message as a sentence, with advice where the code calls for it', () => {
    const error = (code: ErrorCode, message: string, retryable = false) => ({ code, message, retryable });
    expect(errorSentence('openErd', error('erd.unreadable', 'Cannot open /x.json: the file does not exist.'))).toBe(
      'Cannot open /x.json: the file does not exist.',
    );
    expect(errorSentence('saveErd', error('output.write-failed', 'The disk is full'))).toBe('The disk is full.');
    expect(errorSentence('appInfo', error('host.refused', 'Refused: missing or wrong token.'))).toBe(
      'Refused: missing or wrong token. Open the page again from the address “djforge serve” printed.',
    );
    expect(errorSentence('startRun', error('run.busy', 'Another run is still going.'))).toBe(
      'Another run is still going. Wait for it to finish or cancel it.',
    );
    expect(errorSentence('getRun', error('internal', 'disk on fire'))).toBe(
      'disk on fire. This is a fault in DjForge, not in your input.',
    );
    expect(errorSentence('listHistory', error('settings.invalid', 'The history is locked.', true))).toBe(
      'The history is locked. Try again in a moment.',
    );
    expect(
      errorSentence('appInfo', error('host.unreachable', 'No answer. Is "djforge serve" still running?', true)),
    ).toBe('No answer. Is "djforge serve" still running?');
    expect(errorSentence('cancelRun', error('run.unknown', '  '))).toBe('cancelRun failed (run.unknown).');
  });
});

describe('call', () => {
  it('returns the value of an accepted call and shows nothing', async () => {
    const studio = connectFakeStudio({ cancelRun: () => ({ cancelled: true }) });
    expect(await call('cancelRun', { runId: 'r1' })).toEqual({ cancelled: true });
    expect(studio.inputs('cancelRun')).toEqual([{ runId: 'r1' }]);
    expect(toasts()).toEqual([]);
  });

  it('turns a typed error into a toast sentence and returns null', async () => {
    connectFakeStudio({ startRun: () => refusal('run.busy', 'Another run is still going.') });
    expect(
      await call('startRun', {
        erd: { format: 'djforge-erd', version: 1, project: { name: 'p' }, entities: [], relations: [] },
      }),
    ).toBeNull();
    expect(toasts()).toEqual([
      { kind: 'error', text: 'Another run is still going. Wait for it to finish or cancel it.' },
    ]);
  });

  it('turns a client that throws into a toast too, never a rejection', async () => {
    connectFakeStudio();
    connectClient({
      appInfo: () => Promise.reject(new Error('The bridge is gone')),
    } as unknown as StudioClient);
    await expect(call('appInfo', {})).resolves.toBeNull();
    expect(toasts()).toEqual([{ kind: 'error', text: 'The bridge is gone.' }]);
  });
});
