/**
 * Filter tests of the generated `tests.py`: each `exact` filter on a value that differs from row
 * to row returns exactly the matching row (so a FilterSet that lost the field, or a filter that
 * ignores its value, fails), and an unknown query parameter answers 400.
 */
import type { Entity } from '../../../../src-shared/erd/model';
import { apiOptions } from '../app/entities';
import { filterLookups, hasFilterSet } from '../app/filters';
import { pyBracket, pyName } from '../app/py-format';
import { isRequiredLink, type TestDataPlan } from './factories';
import { echoedFields } from './test-cases';

/** Fields and required links whose `exact` filter the tests check (values built from the row number). */
export function exactFilterFields(plan: TestDataPlan, entity: Entity): string[] {
  if (!apiOptions(plan.erd).filtering) return [];
  const exact = new Set(
    filterLookups(plan.erd, entity)
      .filter(([, lookups]) => lookups.includes('exact'))
      .map(([name]) => name),
  );
  const echoed = new Set(echoedFields(plan, entity));
  const scalar = entity.fields
    .filter((f) => exact.has(f.name) && echoed.has(f.name))
    .filter((f) => {
      const value = plan.valueOf(entity, f);
      return 'code' in value && /(?<![\w'])n(?!\w)/.test(value.code);
    })
    .map((f) => f.name);
  const links = plan
    .relationsOf(entity)
    .filter((r) => isRequiredLink(r) && exact.has(r.name) && r.owner !== true)
    .map((r) => r.name);
  return [...scalar, ...links];
}

/** The class attributes that switch the filter tests on for an entity. */
export function filterAttributes(plan: TestDataPlan, entity: Entity): string[] {
  const lines: string[] = [];
  const fields = exactFilterFields(plan, entity);
  if (fields.length === 1) lines.push(`exact_filters = (${pyName(fields[0] ?? '')},)`);
  else if (fields.length > 1) lines.push(pyBracket('exact_filters = ', '(', fields.map(pyName), ')', 1));
  if (apiOptions(plan.erd).filtering && hasFilterSet(plan.erd, entity)) lines.push('strict_filters = True');
  return lines;
}

/** The shared filter tests every buildable entity's case mixes in. */
export const FILTER_MIXIN = `class FilterTests:
    """Each exact filter returns exactly the matching rows; an unknown query parameter answers 400."""

    exact_filters = ()
    strict_filters = False

    def test_exact_filters_return_exactly_the_matching_row(self):
        """?field=value of one row lists that row and not another."""
        if not self.exact_filters:
            self.skipTest('no exact filter on a value that differs between rows')
        self.client.force_authenticate(user=_superuser())
        first, second = self.make(), self.make()
        for name in self.exact_filters:
            with self.subTest(filter=name):
                value = _api(getattr(first, name))
                self.assertNotEqual(value, _api(getattr(second, name)))
                response = self.client.get(_url(f'{self.route}-list'), {name: value})
                self.assertEqual(response.status_code, status.HTTP_200_OK, response.data)
                self.assertEqual([item['id'] for item in _results(response)], [_api(first.pk)])

    def test_unknown_filter_parameter_is_refused(self):
        """A misspelt filter answers 400 instead of silently listing every row."""
        if not self.strict_filters:
            self.skipTest('the resource has no FilterSet')
        self.client.force_authenticate(user=_superuser())
        response = self.client.get(_url(f'{self.route}-list'), {'no_such_filter': '1'})
        self.assertEqual(response.status_code, status.HTTP_400_BAD_REQUEST)`;
