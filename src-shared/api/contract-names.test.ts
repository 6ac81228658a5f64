import { describe, expect, it } from 'vitest';
import * as names from './contract-names';
import { EVENT_NAMES, METHOD_NAMES, subscriberName } from './index';

describe('the zod-free contract names', () => {
  it('list every method and event of the contract tables, in their order', () => {
    expect(names.METHOD_NAMES).toEqual(METHOD_NAMES);
    expect(names.EVENT_NAMES).toEqual(EVENT_NAMES);
  });

  it('name each event subscriber', () => {
    expect(subscriberName('runProgress')).toBe('onRunProgress');
    expect(names.EVENT_NAMES.map(subscriberName)).toContain('onMenuCommand');
  });
});
