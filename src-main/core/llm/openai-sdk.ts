/**
 * The `openai` SDK, loaded on first use: importing it costs ~150 ms of start-up that a template
 * run, `--version` or `--help` never needs. The client and the error narrowing share this one
 * loader, so `instanceof` checks meet the very classes the client's requests throw.
 */
import type OpenAI from 'openai';

let loaded: typeof OpenAI | undefined;
let loading: Promise<typeof OpenAI> | undefined;

/** The SDK's default export, imported once; rejects when the package cannot be loaded. */
export function loadOpenAI(): Promise<typeof OpenAI> {
  loading ??= import('openai').then((m) => (loaded = m.default));
  return loading;
}

/**
 * The SDK once some client has loaded it, else undefined: before that no error can be an
 * instance of its classes, so callers treat every error as foreign.
 */
export function loadedOpenAI(): typeof OpenAI | undefined {
  return loaded;
}
