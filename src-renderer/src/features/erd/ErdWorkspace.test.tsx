import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useStudio } from '@renderer/store';
import type { ErdDocument } from '@shared/api';
import type { Diagnostic } from '@shared/diagnostics';
import type { Erd } from '@shared/erd/model';
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

/**
 * The workspace in its list view: jsdom has no layout for React Flow to measure, so these tests
 * drive the inspector and the issues (the canvas is tested in the browser, e2e/web-erd-*).
 */
async function showList(): Promise<void> {
  render(<ErdWorkspace />);
  await userEvent.click(screen.getByRole('button', { name: 'List' }));
}

/**
 * The host's validation, for the two problems these tests make, worded and placed as the core
 * words and places them (`entities.<Name>`, `relations.<From>.<name>`).
 */
function hostValidation(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of erd.entities) {
    if (['class', 'def'].includes(e.name)) {
      out.push({
        severity: 'error',
        code: 'erd.keyword',
        message: `The entity name "${e.name}" is a Python keyword and cannot be used as a name.`,
        path: `entities.${e.name}`,
      });
    }
  }
  for (const r of erd.relations) {
    if (!erd.entities.some((e) => e.name === r.to)) {
      out.push({
        severity: 'error',
        code: 'erd.unknown-entity',
        message: `The relation ${r.from}.${r.name} points to "${r.to}", which is not an entity.`,
        path: `relations.${r.from}.${r.name}`,
      });
    }
  }
  return out;
}

const connect = () => connectFakeStudio({ validateErd: ({ erd }) => ({ diagnostics: hostValidation(erd as Erd) }) });

describe('the ERD workspace', () => {
  beforeAll(() => {
    // jsdom has no layout: React Flow needs a ResizeObserver to exist, not to report anything.
    globalThis.ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  beforeEach(() => {
    connect();
    useStudio.getState().setDocument(shop);
  });

  it('says so when no document is open', () => {
    connectFakeStudio();
    render(<ErdWorkspace />);
    expect(screen.getByText('No document is open.')).toBeInTheDocument();
  });

  it('shows the diagram first, and the list of entities with their fields and relations on demand', async () => {
    render(<ErdWorkspace />);
    expect(screen.getByText('djforge-erd · 2 entities · 1 relations')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Diagram' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'List' }));
    const order = screen.getByRole('article', { name: 'Entity Order' });
    expect(
      within(order)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['total decimal', 'placed_at datetime', 'customer → Customer (manyToOne)']);
  });

  it('renames the project as an undoable edit that marks the document unsaved', async () => {
    render(<ErdWorkspace />);
    const name = screen.getByLabelText('Project name');
    await userEvent.clear(name);
    await userEvent.type(name, 'store');
    expect(name).toHaveValue('store');
    expect(useStudio.getState().dirty).toBe(true);
    for (let i = 0; i < 'store'.length + 1; i++) useStudio.getState().undo();
    await waitFor(() => expect(name).toHaveValue('shop'));
  });

  it('renames an entity from the inspector, following its relations, after the core accepts the name', async () => {
    await showList();
    useStudio.getState().setSelection({ entities: ['Customer'], relations: [] });
    const input = await screen.findByLabelText('Entity name');
    await userEvent.clear(input);
    await userEvent.type(input, 'class');
    expect(await screen.findByRole('alert')).toHaveTextContent('is a Python keyword');
    await userEvent.type(input, '{Enter}');
    expect(useStudio.getState().document?.erd.entities[0]?.name).toBe('Customer');
    await userEvent.clear(input);
    await userEvent.type(input, 'Client{Enter}');
    const erd = useStudio.getState().document?.erd;
    expect(erd?.entities.map((e) => e.name)).toEqual(['Client', 'Order']);
    expect(erd?.relations[0]?.to).toBe('Client');
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByRole('list', { name: 'History' })).toHaveTextContent('Rename Customer to Client');
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(useStudio.getState().document?.erd).toEqual(shop.erd);
  });

  it('adds a field to the selected entity and edits its type as one step each', async () => {
    await showList();
    useStudio.getState().setSelection({ entities: ['Order'], relations: [] });
    await userEvent.click(await screen.findByRole('button', { name: 'Add field' }));
    const name = screen.getByLabelText('Field name');
    await userEvent.clear(name);
    await userEvent.type(name, 'notes{Enter}');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'text');
    expect(useStudio.getState().document?.erd.entities[1]?.fields.at(-1)).toEqual({ name: 'notes', type: 'text' });
    expect(useStudio.getState().undoStack.map((e) => e.kind)).toEqual(['addField', 'renameField', 'setField']);
    // The history panel goes back to just after a step, and forward again, in one click.
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    const history = screen.getByRole('list', { name: 'History' });
    expect(within(history).getByRole('button', { current: 'step' })).toHaveTextContent('Edit field Order.notes');
    await userEvent.click(within(history).getAllByRole('button')[0]!);
    expect(useStudio.getState().undoStack.map((e) => e.kind)).toEqual(['addField']);
    expect(useStudio.getState().document?.erd.entities[1]?.fields.at(-1)?.name).not.toBe('notes');
    expect(within(history).getAllByRole('button', { name: /^Undone: / })).toHaveLength(2);
    await userEvent.click(within(history).getByRole('button', { name: /^Undone: Edit field Order.notes/ }));
    expect(useStudio.getState().document?.erd.entities[1]?.fields.at(-1)).toEqual({ name: 'notes', type: 'text' });
  });

  it('lists the core’s diagnostics as issues; clicking one selects what it is about', async () => {
    useStudio.getState().setDocument({
      ...shop,
      erd: { ...shop.erd, relations: [{ name: 'customer', kind: 'manyToOne', from: 'Order', to: 'Nobody' }] },
    });
    await showList();
    // The tab counts everything the panel lists: the error and the core's notes about the document.
    await userEvent.click(await screen.findByRole('tab', { name: /^Issues \([1-9]\d*\)$/ }));
    await userEvent.click(await screen.findByRole('button', { name: /points to "Nobody"/ }, { timeout: 5000 }));
    expect(useStudio.getState().selection).toEqual({ entities: [], relations: ['Order.customer'] });
    await userEvent.click(screen.getByRole('tab', { name: 'Inspector' }));
    expect(screen.getByLabelText('Relation name')).toHaveValue('customer');
  });
});
