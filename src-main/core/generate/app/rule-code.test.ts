import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../../src-shared/erd/model';
import { normalizeErd } from '../../erd';
import { generationNotes } from '../index';
import { modelClassCode } from './models';
import { ruleMethods } from './rule-code';
import { serializerClassCode } from './serializers';
import { findEntity } from './entities';

const shop = (): Erd =>
  normalizeErd({
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shop' },
    entities: [
      {
        name: 'Product',
        fields: [
          { name: 'name', type: 'string' },
          { name: 'is_active', type: 'boolean' },
        ],
      },
      {
        name: 'OrderLine',
        fields: [
          { name: 'quantity', type: 'integer' },
          { name: 'is_active', type: 'boolean' },
        ],
      },
    ],
    relations: [{ name: 'product', kind: 'manyToOne', from: 'OrderLine', to: 'Product' }],
    rules: [
      { text: 'Order lines may only reference active products', entity: 'OrderLine' },
      { text: 'Products can only be listed when active', entity: 'Product', field: 'is_active' },
      { text: 'Quantity must be positive', entity: 'OrderLine', field: 'quantity', kind: 'positive' },
      { text: 'Refunds need a manager', entity: 'OrderLine' },
    ],
  }).erd;

describe('business rules as code', () => {
  it('enforces "only active" on a related entity and on the own flag in the serializer', () => {
    const erd = shop();
    const line = serializerClassCode(erd, findEntity(erd, 'OrderLine', 'test'));
    expect(line).toContain(`    def validate_product(self, value):
        """Business rule: Order lines may only reference active products"""
        if value is not None and not value.is_active:
            raise serializers.ValidationError("Order lines may only reference active products")
        return value`);
    expect(serializerClassCode(erd, findEntity(erd, 'Product', 'test'))).toContain(
      '        if self.instance is None and value is not True:\n',
    );
    expect(ruleMethods(erd, findEntity(erd, 'OrderLine', 'test'))).toHaveLength(1);
  });

  it('leaves a TODO only for what no code enforces, and warns about each such rule', () => {
    const erd = shop();
    const model = modelClassCode(erd, 'core', findEntity(erd, 'OrderLine', 'test'));
    expect(model).toContain('# TODO(djforge-llm): Refunds need a manager');
    expect(model).not.toContain('active products');
    expect(generationNotes(erd).map((d) => [d.severity, d.code, d.path])).toEqual([
      ['info', 'generate.rule-enforced', 'rules[0]'],
      ['info', 'generate.rule-enforced', 'rules[1]'],
      ['warning', 'generate.rule-not-enforced', 'rules[3]'],
    ]);
  });
});
