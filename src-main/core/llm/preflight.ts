/**
 * A look at the endpoint before a run: an unreachable server or a refused key would otherwise be
 * rediscovered by every unit, each through its whole retry budget, before the run falls back to
 * the template. `GET /models` answers both questions in one cheap request, and says whether the
 * chosen models exist. Endpoints that do not serve `/models` are given the benefit of the doubt.
 */
import { LlmRequestError } from './errors';
import type { LlmClient } from './types';

export interface PreflightResult {
  /** Why the run cannot start (unreachable, key refused), or null. */
  fatal: string | null;
  warnings: string[];
}

/** Checks the endpoint once with `GET /models`; never throws. */
export async function preflightEndpoint(
  client: LlmClient,
  models: readonly string[],
  timeoutMs = 10_000,
): Promise<PreflightResult> {
  let served: string[];
  try {
    served = await client.listModels(AbortSignal.timeout(timeoutMs));
  } catch (error) {
    const e = error instanceof LlmRequestError ? error : null;
    const status = e?.details.status;
    if (e?.kind === 'connection') {
      const cause = e.details.causeCode ? ` (${e.details.causeCode})` : '';
      return {
        fatal: `Cannot reach ${client.baseURL}${cause}: is the server running and the URL right?`,
        warnings: [],
      };
    }
    if (e?.kind === 'aborted' || e?.kind === 'timeout') {
      return {
        fatal: `${client.baseURL} did not answer GET /models within ${Math.round(timeoutMs / 1000)} s.`,
        warnings: [],
      };
    }
    if (status === 401 || status === 403)
      return { fatal: `${client.baseURL} refused the API key (HTTP ${status}): ${e?.message ?? ''}`, warnings: [] };
    return {
      fatal: null,
      warnings: [`${client.baseURL} does not list its models (${e?.message ?? String(error)}); going ahead.`],
    };
  }
  const known = new Set(served);
  const warnings =
    served.length === 0
      ? []
      : models
          .filter((m) => !known.has(m))
          .map((m) => `Model "${m}" is not listed by ${client.baseURL}; it may be refused.`);
  return { fatal: null, warnings };
}
