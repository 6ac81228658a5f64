/**
 * The fixed vocabularies of the review (decisions, quality categories, version origins, write
 * actions), without zod, so the renderer can use them without bundling the schema library.
 * `review.ts` builds its schemas from these lists and re-exports them.
 */
export { REVIEW_DECISIONS } from './model-constants';

/** Quality bands: `auto-approved` (no error, score ≥ threshold), `high` ≥ 0.6, `medium` ≥ 0.4, `low`, `error`. */
export const CATEGORIES = ['auto-approved', 'high', 'medium', 'low', 'error'] as const;

/** How a version of a file came to be. */
export const VERSION_ORIGINS = ['generated', 'edited', 'regenerated'] as const;

/**
 * What writing would do to one file: `new`, `updated` (untouched by the user), `merged` (the
 * user's edit merged cleanly), `conflicting` (the user's file is kept; the merge with markers goes
 * to `.djforge/conflicts/`), `removed` (no longer generated, untouched), `unchanged`, or `kept`
 * (the user's edit stays as it is).
 */
export const WRITE_ACTIONS = ['new', 'updated', 'merged', 'conflicting', 'removed', 'unchanged', 'kept'] as const;
