/**
 * The fixed vocabularies of the Studio contract's data (engines, sources, statuses, decisions),
 * without zod, so the renderer can use them without bundling the schema library. `model.ts`
 * builds its schemas from these lists and re-exports them.
 */
export const ENGINES = ['template', 'llm'] as const;

/** Where a unit's output came from, shown beside each file. */
export const FILE_SOURCES = ['template', 'llm', 'cache', 'fallback'] as const;

/**
 * The life of one unit of work in a run. `retried` and `fellBack` are transitions the pool
 * reports on the way to `done`/`failed`; `cached` is a finished unit that cost nothing.
 */
export const UNIT_STATUSES = [
  'queued',
  'running',
  'retried',
  'fellBack',
  'cached',
  'done',
  'failed',
  'cancelled',
] as const;

/** Statuses after which a unit does no more work. */
export const FINISHED_UNIT_STATUSES: readonly (typeof UNIT_STATUSES)[number][] = [
  'cached',
  'done',
  'failed',
  'cancelled',
];

export const RUN_STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;

export const REVIEW_DECISIONS = ['pending', 'approved', 'skipped'] as const;
