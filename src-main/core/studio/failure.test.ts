import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src-shared/error-codes';
import { DjForgeError } from '../errors';
import { OutputError } from '../output/project-writer';
import { ReviewError } from '../review/types';
import { RegenerationError } from '../run/regenerate';
import { SettingsError } from '../settings/settings-document';
import { toStudioError } from './failure';

describe('errors crossing the contract', () => {
  it('keep the code and sentence of every core error, matched by class', () => {
    expect(toStudioError(new ReviewError('No file "x.py" in this review.', 'review.unknown-file'))).toEqual({
      code: 'review.unknown-file',
      message: 'No file "x.py" in this review.',
      retryable: false,
    });
    expect(toStudioError(new RegenerationError('Needs the LLM engine.', 'regenerate.needs-llm'))).toMatchObject({
      code: 'regenerate.needs-llm',
    });
    expect(toStudioError(new DjForgeError('run.busy', 'Busy.', true))).toEqual({
      code: 'run.busy',
      message: 'Busy.',
      retryable: true,
    });
    expect(toStudioError(new OutputError('Disk full.', 'output.write-failed'))).toEqual({
      code: 'output.write-failed',
      message: 'Disk full.',
      retryable: true,
    });
    expect(toStudioError(new SettingsError('settings.model: empty.'))).toMatchObject({ code: 'settings.invalid' });
  });

  it('never trusts a name: an Error that only calls itself ReviewError is internal', () => {
    const impostor = Object.assign(new Error('boom'), { name: 'ReviewError', code: 'review.unknown-file' });
    expect(toStudioError(impostor)).toEqual({ code: 'internal', message: 'boom', retryable: false });
    expect(toStudioError('text')).toEqual({ code: 'internal', message: 'text', retryable: false });
  });

  it('gives each subclass its own name and only codes from the shared list', () => {
    expect(new ReviewError('x', 'review.bad-selection').name).toBe('ReviewError');
    expect(new RegenerationError('x', 'regenerate.cancelled')).toBeInstanceOf(DjForgeError);
    expect(ERROR_CODES).toContain('review.not-approvable');
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
