/**
 * Filter tests of the generated `tests.py`: each `exact` filter returns exactly the matching row of
 * two that differ in that column (booleans, choices and optional links get two different values
 * made on purpose), each range filter (`gte`/`lte`) keeps the row on its side of the bound, and an
 * unknown query parameter answers 400 — so a FilterSet that lost a field, or a filter that ignores
 * its value, fails a test.
 */
import type { Entity, Field, Relation } from '../../../../src-shared/erd/model';
import { apiOptions, hasChoices, isAutoField, modelFields } from '../app/entities';
import { filterLookups, hasFilterSet } from '../app/filters';
import { pyBracket, pyName } from '../app/py-format';
import { pyText } from '../project/py-text';
import { isRequiredLink, makeFunction, type TestDataPlan } from './factories';

const UNFILTERABLE_VALUES = ['json', 'file', 'image'];

/** Whether the test data of `field` differs from row to row (its value code reads the row number). */
function varies(plan: TestDataPlan, entity: Entity, field: Field): boolean {
  const value = plan.valueOf(entity, field);
  return 'code' in value && /(?<![\w'])n(?!\w)/.test(value.code);
}

/** Python for two different values of a field whose test data is constant, or null when it has none. */
function distinctPair(field: Field): string | null {
  if (field.type === 'boolean') return '(True, False)';
  if (hasChoices(field) && (field.choices?.length ?? 0) > 1) {
    const [a, b] = field.choices ?? [];
    return `(${pyText(a?.value ?? '')}, ${pyText(b?.value ?? '')})`;
  }
  return null;
}

function lookupsOf(plan: TestDataPlan, entity: Entity): Map<string, string[]> {
  return new Map(apiOptions(plan.erd).filtering ? filterLookups(plan.erd, entity) : []);
}

/** Optional links whose target the tests can build: an `exact` filter on them needs two made parents. */
export function optionalLinks(plan: TestDataPlan, entity: Entity): Relation[] {
  return plan
    .relationsOf(entity)
    .filter((r) => r.kind !== 'manyToMany' && !isRequiredLink(r) && plan.makeProblem(plan.target(r)) === null);
}

/**
 * `name → Python for two different values` (or two factories) of every column whose test data is
 * the same in every row: booleans, choices, optional links. Tests that need two rows differing in
 * such a column make them with these (`_two_rows`).
 */
export function distinctValues(plan: TestDataPlan, entity: Entity): [string, string][] {
  const out: [string, string][] = [];
  for (const field of modelFields(entity)) {
    if (isAutoField(field) || varies(plan, entity, field)) continue;
    const pair = distinctPair(field);
    if (pair !== null) out.push([field.name, pair]);
  }
  for (const rel of optionalLinks(plan, entity)) {
    const make = makeFunction(plan.target(rel));
    out.push([rel.name, `(${make}, ${make})`]);
  }
  return out;
}

/** Every column whose `exact` filter the tests check: their rows' values differ, or `distinctValues` makes them. */
export function exactFilters(plan: TestDataPlan, entity: Entity): string[] {
  const lookups = lookupsOf(plan, entity);
  const exact = (name: string): boolean => lookups.get(name)?.includes('exact') === true;
  const distinct = new Set(distinctValues(plan, entity).map(([name]) => name));
  const fields = modelFields(entity)
    .filter((f) => exact(f.name) && !UNFILTERABLE_VALUES.includes(f.type) && !isAutoField(f))
    .filter((f) => varies(plan, entity, f) || distinct.has(f.name))
    .map((f) => f.name);
  const links = plan
    .relationsOf(entity)
    .filter((r) => r.kind !== 'manyToMany' && exact(r.name) && (isRequiredLink(r) || distinct.has(r.name)))
    .map((r) => r.name);
  return [...fields, ...links];
}

/** Columns whose `gte`/`lte` filters the tests check: numbers and dates that differ from row to row. */
export function rangeFilters(plan: TestDataPlan, entity: Entity): string[] {
  const lookups = lookupsOf(plan, entity);
  return modelFields(entity)
    .filter((f) => lookups.get(f.name)?.includes('gte') === true && lookups.get(f.name)?.includes('lte') === true)
    .filter((f) => isAutoField(f) || varies(plan, entity, f))
    .map((f) => f.name);
}

/** The class attributes that switch the filter tests on for an entity. */
export function filterAttributes(plan: TestDataPlan, entity: Entity): string[] {
  const lines: string[] = [];
  const names = exactFilters(plan, entity).map(pyName);
  if (names.length === 1) lines.push(`exact_filters = (${names[0] ?? ''},)`);
  else if (names.length > 1) lines.push(pyBracket('exact_filters = ', '(', names, ')', 1));
  const ranges = rangeFilters(plan, entity).map(pyName);
  if (ranges.length === 1) lines.push(`range_filters = (${ranges[0] ?? ''},)`);
  else if (ranges.length > 1) lines.push(pyBracket('range_filters = ', '(', ranges, ')', 1));
  if (apiOptions(plan.erd).filtering && hasFilterSet(plan.erd, entity)) lines.push('strict_filters = True');
  return lines;
}

/** The shared filter tests every buildable entity's case mixes in. */
export const FILTER_MIXIN = `class FilterTests:
    """Exact and range filters return exactly the matching rows; an unknown query parameter answers 400."""

    exact_filters = ()
    range_filters = ()
    strict_filters = False

    def _listed(self, query):
        response = self.client.get(_url(f'{self.route}-list'), query)
        self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
        return [item[self.pk_field] for item in _results(response)]

    def test_exact_filters_return_exactly_the_matching_row(self):
        """?field=value of one row lists that row and not the other."""
        if not self.exact_filters:
            self.skipTest('no exact filter the test data can tell apart')
        self.client.force_authenticate(user=_superuser())
        for name in self.exact_filters:
            with self.subTest(filter=name):
                first, second = self._two_rows(name)
                value = _api(getattr(first, name))
                self.assertNotEqual(value, _api(getattr(second, name)))
                listed = self._listed({name: value})
                self.assertIn(_api(first.pk), listed)
                self.assertNotIn(_api(second.pk), listed)
                _forget(first, second)

    def test_range_filters_keep_the_rows_inside_the_bound(self):
        """?field__gte= drops the smaller row, ?field__lte= the larger one."""
        if not self.range_filters:
            self.skipTest('no range filter')
        self.client.force_authenticate(user=_superuser())
        for name in self.range_filters:
            with self.subTest(filter=name):
                first, second = self._two_rows(name)
                if getattr(first, name) == getattr(second, name):
                    _forget(first, second)
                    continue
                low, high = (first, second) if getattr(first, name) < getattr(second, name) else (second, first)
                above = self._listed({f'{name}__gte': _api(getattr(high, name))})
                self.assertIn(_api(high.pk), above)
                self.assertNotIn(_api(low.pk), above)
                below = self._listed({f'{name}__lte': _api(getattr(low, name))})
                self.assertIn(_api(low.pk), below)
                self.assertNotIn(_api(high.pk), below)
                _forget(first, second)

    def test_unknown_filter_parameter_is_refused(self):
        """A misspelt filter answers 400 instead of silently listing every row."""
        if not self.strict_filters:
            self.skipTest('the resource has no FilterSet')
        self.client.force_authenticate(user=_superuser())
        response = self.client.get(_url(f'{self.route}-list'), {'no_such_filter': '1'})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)`;
