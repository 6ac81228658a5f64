import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { syntheticErd } from '../bench/synthetic-erd';
import { boxHeight, rowMiddle } from '../src-renderer/src/lib/flow/box-geometry';
import { EditorPage } from './support/editor-page';
import { example, expect, test } from './support/fixtures';

const SHOTS = path.resolve('test-results', 'erd-editor');

for (const theme of ['light', 'dark'] as const) {
  test(`the editor with the 37-entity example and 150 synthetic entities, ${theme}`, async ({ studio, page }) => {
    // Two large diagrams laid out in the ELK worker: minutes on a loaded 2-core machine.
    test.setTimeout(180_000);
    const editor = new EditorPage(page);
    await page.emulateMedia({ colorScheme: theme });
    await studio.importFile(example('seed-legacy-massive.json'));
    await expect(editor.canvas.locator('.react-flow__node-box').first()).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole('tab', { name: 'Issues (200)' })).toBeVisible();
    // A document without positions is laid out by ELK (in its worker) as one undoable step.
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByRole('list', { name: 'History' })).toHaveText('Auto-layout');
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.screenshot({ path: path.join(SHOTS, `massive-${theme}.png`) });
    // Fitted, 37 boxes are too small to read: rows are drawn as lines, and no row is written out.
    await expect(editor.canvas.locator('.diagram-rows-far').first()).toBeVisible();
    await expect(editor.canvas.locator('.diagram-row')).toHaveCount(0);
    // Zoomed in to reading size, rows are written out; each box is as tall as box-geometry.ts
    // says (React Flow is given that size and its handles), each row's handle is at its row's
    // middle, and no name or type is cut short by the computed width.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect(editor.canvas.locator('.diagram-row').first()).toBeVisible();
    const drawn = await editor.canvas.locator('.react-flow__node-box').evaluateAll((nodes) =>
      nodes
        .filter((n) => n.querySelector('.diagram-row'))
        .map((n) => {
          const el = n;
          const viewport = el.ownerDocument.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
          const zoom = Number(/scale\(([^)]+)\)/.exec(viewport)?.[1]);
          const { top, height } = el.getBoundingClientRect();
          const rows = [...el.querySelectorAll('.diagram-row')];
          return {
            height: Math.round(height / zoom),
            rows: rows.length,
            // Each row's two line ends (left and right), as the middle of each, per row.
            handles: rows.map((r) =>
              [...r.querySelectorAll('.react-flow__handle')].map((handle) => {
                const h = handle.getBoundingClientRect();
                return Math.round(((h.top + h.height / 2 - top) / zoom) * 10) / 10;
              }),
            ),
            cut: [...el.querySelectorAll('strong, code, .badge')]
              .filter((t) => t.scrollWidth > t.clientWidth + 1)
              .map((t) => t.textContent),
          };
        }),
    );
    expect(drawn.length).toBeGreaterThan(3);
    for (const box of drawn) {
      expect(box.height).toBe(boxHeight(box.rows));
      expect(box.handles).toEqual(box.handles.map((_, i) => [rowMiddle(i), rowMiddle(i)]));
      expect(box.cut).toEqual([]);
    }
    await page.screenshot({ path: path.join(SHOTS, `massive-zoomed-${theme}.png`) });
    await page.getByRole('button', { name: 'Fit View' }).click();
    const first = editor.canvas.locator('.react-flow__node-box').first();
    await first.locator('.diagram-box-head').click();
    await page.screenshot({ path: path.join(SHOTS, `massive-selected-${theme}.png`) });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.screenshot({ path: path.join(SHOTS, `massive-shortcuts-${theme}.png`) });
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Text', exact: true }).click();
    await expect(editor.documentText).toContainText('Table');
    await page.screenshot({ path: path.join(SHOTS, `massive-text-${theme}.png`) });
    await page.getByRole('button', { name: 'Text', exact: true }).click();

    await studio.dropFile('synthetic-150.json', JSON.stringify(syntheticErd(150)));
    // Over a diagram with entities, an import asks; replacing lays the new entities out in the same step.
    await editor.answerImport('Replace the diagram');
    await expect(page.getByRole('list', { name: 'History' })).toHaveText(/Auto-layout\s*Import/, { timeout: 45_000 });
    // Once laid out and applied, the replaced document is the dropped file's, unsaved, with nothing of the old one selected.
    await expect(page.getByLabel('Open document')).toHaveText('• synthetic-150.json');
    await expect(
      page.getByRole('toolbar', { name: 'Diagram actions' }).getByRole('button', { name: 'Delete' }),
    ).toBeDisabled();
    await expect(editor.entity('Entity0')).toBeAttached();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.screenshot({ path: path.join(SHOTS, `synthetic-150-${theme}.png`) });
    expect(await readFile(path.join(SHOTS, `synthetic-150-${theme}.png`))).toBeTruthy();
    // Undoing the import gives back the diagram and the document it was (its name); redo the import's.
    await editor.undo();
    await expect(page.getByLabel('Open document')).toHaveText('• seed-legacy-massive.json');
    await expect(editor.entity('Entity0')).toHaveCount(0);
    await editor.redo();
    await expect(page.getByLabel('Open document')).toHaveText('• synthetic-150.json');
  });
}
