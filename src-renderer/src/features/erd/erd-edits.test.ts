import { describe, expect, it } from 'vitest';
import type { Erd } from '@shared/erd/model';
import { applyEdit } from './erd-edits';

const erd: Erd = { format: 'djforge-erd', version: 1, project: { name: 'shop' }, entities: [], relations: [] };

describe('ERD edits', () => {
  it('rename the project and back', () => {
    const edit = { kind: 'renameProject', from: 'shop', to: 'store' } as const;
    const done = applyEdit(erd, edit, 'do');
    expect(done.project.name).toBe('store');
    expect(applyEdit(done, edit, 'undo')).toEqual(erd);
  });

  it('set a title and remove it again on undo', () => {
    const edit = { kind: 'setTitle', from: undefined, to: 'The Shop' } as const;
    const done = applyEdit(erd, edit, 'do');
    expect(done.project).toEqual({ name: 'shop', title: 'The Shop' });
    expect(applyEdit(done, edit, 'undo')).toEqual(erd);
  });
});
