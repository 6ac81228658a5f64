import { describe, expect, it } from 'vitest';
import type { Entity, Erd } from '../../../src-shared/erd/model';
import {
  appConfigClass,
  appLabels,
  appOf,
  choicesClass,
  kebabCase,
  pascalCase,
  plural,
  routeBasename,
  routePrefix,
  snakeCase,
  urlName,
} from './names';

const entity = (name: string, app?: string): Entity => ({ name, fields: [], ...(app === undefined ? {} : { app }) });

describe('names', () => {
  it('converts between cases, acronyms included', () => {
    expect(['OrderItem', 'HTTPRequest', 'APIKey2Factor', 'order-item'].map(snakeCase)).toEqual([
      'order_item',
      'http_request',
      'api_key2_factor',
      'order_item',
    ]);
    expect(kebabCase('OrderStatusHistory')).toBe('order-status-history');
    expect(['order_item', 'order-item', 'orderItem', 'shop'].map(pascalCase)).toEqual([
      'OrderItem',
      'OrderItem',
      'OrderItem',
      'Shop',
    ]);
  });

  it('pluralises irregular and uncountable words, and leaves a trailing adjective alone', () => {
    expect(
      ['analytics', 'review-helpful', 'person', 'order_person', 'analysis', 'news', 'quiz', 'shelf', 'key'].map(plural),
    ).toEqual([
      'analytics',
      'review-helpful',
      'people',
      'order_people',
      'analyses',
      'news',
      'quizzes',
      'shelves',
      'keys',
    ]);
  });

  it('pluralises the last word', () => {
    expect(['category', 'day', 'address', 'box', 'match', 'status', 'user'].map(plural)).toEqual([
      'categories',
      'days',
      'addresses',
      'boxes',
      'matches',
      'statuses',
      'users',
    ]);
  });

  it('derives routes, URL names, app config and choices class names', () => {
    const erd: Erd = {
      format: 'djforge-erd',
      version: 1,
      project: { name: 'p', apps: ['shop', 'crm'] },
      entities: [],
      relations: [],
    };
    const item = entity('OrderItem');
    expect([routePrefix(item), routeBasename(item)]).toEqual(['order-items', 'order-item']);
    expect(urlName(erd, item, 'detail')).toBe('shop:order-item-detail');
    expect(urlName(erd, entity('Customer', 'crm'), 'list')).toBe('crm:customer-list');
    expect(appConfigClass('order_admin')).toBe('OrderAdminConfig');
    expect(choicesClass('meta')).toBe('MetaChoices');
  });

  it('puts entities in their app, the first app by default, core without apps', () => {
    const erd: Erd = {
      format: 'djforge-erd',
      version: 1,
      project: { name: 'p' },
      entities: [entity('A'), entity('B', 'blog')],
      relations: [],
    };
    expect(appOf(erd, entity('A'))).toBe('core');
    expect(appLabels(erd)).toEqual(['core', 'blog']);
  });
});
