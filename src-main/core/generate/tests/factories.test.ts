import { describe, expect, it } from 'vitest';
import type { Entity, Erd } from '../../../../src-shared/erd/model';
import { shopErd } from '../../../../test-support/fixtures/app-erds';
import { relationsStressErd } from '../../../../test-support/fixtures/stress-erds';
import { isRequiredLink, makeFunctionCode, payloadFunctionCode, TestDataPlan, valuesFunctionCode } from './factories';

function entity(erd: Erd, name: string): Entity {
  const found = erd.entities.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

describe('TestDataPlan', () => {
  const erd = relationsStressErd();
  const plan = new TestDataPlan(erd);

  it('builds entities whose cycles are closed by a nullable link', () => {
    for (const name of ['Employee', 'Alpha', 'Beta', 'Gamma', 'Ticket', 'Badge'])
      expect(plan.makeProblem(entity(erd, name)), name).toBeNull();
  });

  it('names the cycle of required links that makes an entity unbuildable', () => {
    expect(plan.makeProblem(entity(erd, 'Chicken'))).toBe(
      'required relations form a cycle (Chicken.egg → Egg, Egg.chicken → Chicken); make one of them nullable',
    );
    expect(plan.makeProblem(entity(erd, 'Egg'))).toBe(plan.makeProblem(entity(erd, 'Chicken')));
  });

  it('refuses a payload whose required many-to-many target cannot be built', () => {
    const broken: Erd = {
      ...erd,
      relations: [
        ...erd.relations,
        { name: 'eggs', kind: 'manyToMany', from: 'Project', to: 'Egg', relatedName: 'projects', required: true },
      ],
    };
    const brokenPlan = new TestDataPlan(broken);
    expect(brokenPlan.makeProblem(entity(broken, 'Project'))).toBeNull();
    expect(brokenPlan.payloadProblem(entity(broken, 'Project'))).toBe(
      'Project.eggs needs a Egg, which cannot be built: required relations form a cycle (Egg.chicken → Chicken, Chicken.egg → Egg); make one of them nullable',
    );
  });

  it('collects the entities a test module needs, in ERD order', () => {
    expect(plan.closure([entity(erd, 'Assignment')]).map((e) => e.name)).toEqual(['Employee', 'Project', 'Assignment']);
    expect(plan.closure([entity(erd, 'Chicken')]).map((e) => e.name)).toEqual([]);
  });
});

describe('isRequiredLink', () => {
  it('treats nullable and SET_NULL links, and many-to-many, as optional', () => {
    expect(isRequiredLink({ name: 'a', kind: 'manyToOne', from: 'A', to: 'B', onDelete: 'CASCADE' })).toBe(true);
    expect(isRequiredLink({ name: 'a', kind: 'oneToOne', from: 'A', to: 'B', onDelete: 'PROTECT' })).toBe(true);
    expect(isRequiredLink({ name: 'a', kind: 'manyToOne', from: 'A', to: 'B', onDelete: 'SET_NULL' })).toBe(false);
    expect(
      isRequiredLink({ name: 'a', kind: 'manyToOne', from: 'A', to: 'B', onDelete: 'CASCADE', nullable: true }),
    ).toBe(false);
    expect(isRequiredLink({ name: 'a', kind: 'manyToMany', from: 'A', to: 'B' })).toBe(false);
  });
});

describe('function code', () => {
  const erd = shopErd();

  it('fills required links with fresh parents and leaves optional ones and optional files out', () => {
    expect(valuesFunctionCode(new TestDataPlan(erd), entity(erd, 'Order'))).toBe(`def order_values():
    """Valid values for a new Order; required related objects are created fresh."""
    n = _next('Order')
    return {
        'number': f'number-{n}',
        'total': Decimal(100 + n % 999999999900).scaleb(-2),
        'note': f'note-{n}',
        'customer': make_customer(),
        'billing_address': make_address(),
    }`);
    expect(valuesFunctionCode(new TestDataPlan(erd), entity(erd, 'Customer'))).not.toContain('avatar');
  });

  it('declares the sequence number only when a value uses it', () => {
    expect(valuesFunctionCode(new TestDataPlan(erd), entity(erd, 'OrderItem'))).toBe(`def order_item_values():
    """Valid values for a new OrderItem; required related objects are created fresh."""
    n = _next('OrderItem')
    return {
        'quantity': 1 + n % 100,
        'order': make_order(),
        'product': make_product(),
    }`);
    const bare: Erd = { ...erd, entities: [{ name: 'Bare', fields: [] }], relations: [] };
    expect(valuesFunctionCode(new TestDataPlan(bare), entity(bare, 'Bare'))).toBe(`def bare_values():
    """Valid values for a new Bare; required related objects are created fresh."""
    return {}`);
  });

  it('saves through the ORM and posts writable many-to-many as lists of new targets', () => {
    expect(makeFunctionCode(entity(erd, 'Order'), (e) => `${e.name}Model`)).toBe(`def make_order(**overrides):
    """Save and return a valid Order; \`overrides\` replace any of its values."""
    return OrderModel.objects.create(**{**order_values(), **overrides})`);
    const plan = new TestDataPlan(erd);
    expect(payloadFunctionCode(plan, entity(erd, 'Product'))).toBe(`def product_payload():
    """A valid request body that creates a Product through the API."""
    return _payload({**product_values(), 'categories': [make_category()]})`);
    expect(payloadFunctionCode(plan, entity(erd, 'Order'))).toContain('    return _payload(order_values())');
  });
});

describe('links in a unique_together group', () => {
  it('are filled even when optional, since DRF requires every field of the group', () => {
    const erd: Erd = {
      format: 'djforge-erd',
      version: 1,
      project: { name: 'cards' },
      entities: [
        { name: 'Hand', fields: [{ name: 'label', type: 'string' }] },
        { name: 'Card', fields: [{ name: 'face', type: 'string' }] },
        { name: 'HandCard', fields: [{ name: 'exposed', type: 'boolean' }], uniqueTogether: [['hand', 'card']] },
      ],
      relations: [
        { name: 'hand', kind: 'manyToOne', from: 'HandCard', to: 'Hand', nullable: true, onDelete: 'SET_NULL' },
        { name: 'card', kind: 'manyToOne', from: 'HandCard', to: 'Card', nullable: true, onDelete: 'SET_NULL' },
      ],
    };
    const plan = new TestDataPlan(erd);
    const code = valuesFunctionCode(plan, entity(erd, 'HandCard'));
    expect(code).toContain("'hand': make_hand(),");
    expect(code).toContain("'card': make_card(),");
    expect(plan.closure([entity(erd, 'HandCard')]).map((e) => e.name)).toEqual(['Hand', 'Card', 'HandCard']);
  });
});
