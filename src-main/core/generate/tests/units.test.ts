import { describe, expect, it } from 'vitest';
import { plainErd, shopErd } from '../../../../test-support/fixtures/app-erds';
import { assembleTests, testsCode, testsUnits } from './index';

describe('testsUnits', () => {
  it('gives a header, then a unit per entity in ERD order, test data only for parents of other apps', () => {
    const units = testsUnits(shopErd(), 'shop');
    expect(units.map((u) => [u.id, u.entity])).toEqual([
      ['tests:shop:header', undefined],
      ['tests:shop:Customer', 'Customer'],
      ['tests:shop:Address', 'Address'],
      ['tests:shop:Category', 'Category'],
      ['tests:shop:Product', 'Product'],
      ['tests:shop:Order', 'Order'],
      ['tests:shop:OrderItem', 'OrderItem'],
    ]);
    const code = (id: string) => units.find((u) => u.id === id)?.code ?? '';
    expect(code('tests:shop:Customer')).toMatch(/^def customer_values\(\):/);
    expect(code('tests:shop:Customer')).toContain('\n\n\ndef make_customer(**overrides):');
    expect(code('tests:shop:Customer')).not.toMatch(/^(class|@)/m);
    expect(code('tests:shop:Customer')).not.toContain('def customer_payload(');
    expect(code('tests:shop:Order')).toMatch(/\n\n\nclass OrderApiTests\(ResourceTests, APITestCase\):/);
    expect(code('tests:shop:header')).toMatch(/^API_KWARGS = \{\}\n/);
    expect(code('tests:shop:header')).toMatch(/\n\n\nclass CrudTests:\n[\s\S]*\n\n\nclass AnonymousAccessTests:\n/);
  });

  it('has only the header in an app without entities', () => {
    const erd = { ...plainErd(), project: { name: 'notes', apps: ['core', 'empty'] } };
    expect(testsUnits(erd, 'empty')).toEqual([
      { id: 'tests:empty:header', code: '# The app has no entities yet, so there is nothing to test.' },
    ]);
  });
});

describe('assembleTests', () => {
  it('gives the same file whatever order the units come in', () => {
    const erd = shopErd();
    expect(assembleTests(erd, 'shop', [...testsUnits(erd, 'shop')].reverse())).toBe(testsCode(erd, 'shop'));
  });

  it("imports a model a refined unit starts to use and keeps the mixins before every unit's classes", () => {
    const erd = shopErd();
    const units = testsUnits(erd, 'shop').map((u) =>
      u.id === 'tests:shop:Product'
        ? {
            ...u,
            code: `class ProductChecks:\n    def profiles(self):\n        return Profile.objects.count()\n\n\n${u.code}\n\n\ndef product_count():\n    return Product.objects.count()`,
          }
        : u,
    );
    const code = assembleTests(erd, 'shop', units);
    expect(code).toContain('\nfrom crm.models import Customer, Profile\n');
    const mixins = code.indexOf('\nclass CrudTests:\n');
    expect(mixins).toBeGreaterThan(code.indexOf('\ndef product_count():\n'));
    expect(mixins).toBeGreaterThan(code.lastIndexOf('\ndef make_'));
    expect(mixins).toBeLessThan(code.indexOf('\nclass ProductChecks:\n'));
    expect(code.indexOf('\nclass ProductChecks:\n')).toBeLessThan(code.indexOf('\nclass ProductApiTests('));
    expect(code.indexOf('\nclass CategoryApiTests(')).toBeLessThan(code.indexOf('\nclass ProductChecks:\n'));
  });
});
