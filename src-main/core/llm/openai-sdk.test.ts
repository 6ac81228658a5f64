import { describe, expect, it } from 'vitest';
import { toLlmRequestError } from './errors';
import { loadedOpenAI, loadOpenAI } from './openai-sdk';

describe('loadOpenAI', () => {
  it('loads the SDK only when asked, once, and then lets errors be narrowed by its classes', async () => {
    expect(loadedOpenAI()).toBeUndefined();
    const first = loadOpenAI();
    expect(loadOpenAI()).toBe(first);
    const OpenAI = await first;
    expect(loadedOpenAI()).toBe(OpenAI);
    const error = new OpenAI.APIConnectionError({ message: 'Connection error.' });
    expect(toLlmRequestError(error).kind).toBe('connection');
    expect(toLlmRequestError(new OpenAI.APIUserAbortError()).kind).toBe('aborted');
  });
});
