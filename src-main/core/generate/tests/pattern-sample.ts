/**
 * A value that matches a business rule's regular expression, so the generated tests can fill a
 * field that carries a `RegexValidator`. The parsing, the safe subset and the bounded sampling live
 * in one place with the ERD validator (core/erd/safe-pattern.ts), so `validate-erd` refuses exactly
 * the patterns `generate` cannot handle; for a pattern it cannot sample the answer is `null` and the
 * caller leaves the field out or explains why it cannot test the entity. A digit run with an open
 * quantifier (`\d+`) becomes the row number `n`, so values of a unique field differ between calls.
 */
export { patternSample, renderSample, type SamplePiece } from '../../erd/safe-pattern';
