import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import type { ErdDocument } from '@shared/api';
import { connectFakeStudio } from '../../../test-support/fake-studio';
import { ErdWorkspace } from './ErdWorkspace';

const shop: ErdDocument = {
  path: '/work/shop.json',
  file: 'file-1',
  name: 'shop.json',
  format: 'djforge-erd',
  erd: {
    format: 'djforge-erd',
    version: 1,
    project: { name: 'shop' },
    entities: [
      { name: 'Customer', fields: [{ name: 'email', type: 'email' }] },
      {
        name: 'Order',
        fields: [
          { name: 'total', type: 'decimal' },
          { name: 'placed_at', type: 'datetime' },
        ],
      },
    ],
    relations: [{ name: 'customer', kind: 'manyToOne', from: 'Order', to: 'Customer' }],
  },
  diagnostics: [
    { severity: 'warning', code: 'erd.field-inferred', message: 'total looks like money.', path: 'Order.total' },
  ],
};

describe('the ERD workspace', () => {
  beforeEach(() => {
    connectFakeStudio();
    useStudio.getState().setDocument(shop);
  });

  it('says so when no document is open', () => {
    connectFakeStudio();
    render(<ErdWorkspace />);
    expect(screen.getByText('No document is open.')).toBeInTheDocument();
  });

  it('lists each entity with its fields and the relations it holds, and the diagnostics', () => {
    render(<ErdWorkspace />);
    expect(screen.getByText('djforge-erd · 2 entities · 1 relations')).toBeInTheDocument();
    const order = screen.getByRole('article', { name: 'Entity Order' });
    expect(
      within(order)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['total decimal', 'placed_at datetime', 'customer → Customer (manyToOne)']);
    expect(within(screen.getByRole('article', { name: 'Entity Customer' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('list', { name: 'Diagnostics' })).toHaveTextContent(
      'warning [erd.field-inferred] Order.total: total looks like money.',
    );
  });

  it('renames the project as an undoable edit that marks the document unsaved', async () => {
    render(<ErdWorkspace />);
    const name = screen.getByLabelText('Project name');
    await userEvent.clear(name);
    await userEvent.type(name, 'store');
    expect(name).toHaveValue('store');
    expect(useStudio.getState().dirty).toBe(true);
    for (let i = 0; i < 'store'.length + 1; i++) useStudio.getState().undo();
    expect(await screen.findByDisplayValue('shop')).toBeInTheDocument();
  });

  it('switches between the list and the diagram', async () => {
    render(<ErdWorkspace />);
    const view = screen.getByRole('group', { name: 'View' });
    expect(within(view).getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(view).getByRole('button', { name: 'Diagram' }));
    expect(screen.getByRole('region', { name: 'Diagram' })).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    await userEvent.click(within(view).getByRole('button', { name: 'List' }));
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });
});
