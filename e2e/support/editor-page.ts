/**
 * The page object of the ERD editor: what a person does on the diagram (add and rename
 * entities, add fields, draw relations by dragging, undo) and what they see, in the words of the
 * interface.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByRole('region', { name: 'Diagram' });
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Side panel' });
  }

  entity(name: string): Locator {
    return this.canvas.getByRole('group', { name: `Entity ${name}`, exact: true });
  }

  relation(from: string, field: string, to: string): Locator {
    return this.canvas.getByRole('group', { name: `Relation ${from}.${field} to ${to}`, exact: true });
  }

  async button(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).first().click();
  }

  /** Adds an entity with the toolbar and names it in the inspector. */
  async addEntity(name: string): Promise<void> {
    const empty = this.page.locator('.empty-diagram').getByRole('button', { name: 'Add entity' });
    if (await empty.isVisible()) await empty.click();
    else
      await this.page
        .getByRole('toolbar', { name: 'Diagram actions' })
        .getByRole('button', { name: 'Add entity' })
        .click();
    await this.rename('Entity name', name);
    await expect(this.entity(name)).toBeVisible();
  }

  /** Types a new value into an inspector input and commits it with Enter. */
  async rename(label: string, value: string): Promise<void> {
    const input = this.inspector.getByLabel(label, { exact: true });
    await input.fill(value);
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
    await input.press('Enter');
  }

  async selectEntity(name: string): Promise<void> {
    await this.entity(name).locator('.diagram-box-head').click();
    await expect(this.inspector.getByLabel('Entity name', { exact: true })).toHaveValue(name);
  }

  /** Adds a field to the selected entity and sets its name and type. */
  async addField(entity: string, name: string, type: string): Promise<void> {
    await this.selectEntity(entity);
    await this.inspector.getByRole('button', { name: 'Add field' }).click();
    await this.rename('Field name', name);
    await this.inspector.getByLabel('Type', { exact: true }).selectOption(type);
    await expect(this.entity(entity)).toContainText(name);
  }

  /** Drags from `from`'s outgoing handle to `to`'s header and picks the kind. */
  async drawRelation(from: string, to: string, kind: 'Many-to-one' | 'One-to-one' | 'Many-to-many'): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
    await this.page.waitForTimeout(400);
    const handle = this.entity(from).locator('.diagram-handle-out');
    const target = this.entity(to).locator('.diagram-box-head');
    await handle.hover();
    await this.page.mouse.down();
    const box = await target.boundingBox();
    if (!box) throw new Error(`Entity ${to} is not on screen.`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await this.page.mouse.up();
    await this.page.getByRole('dialog', { name: 'Relation kind' }).getByRole('button', { name: kind }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Redo', exact: true }).click();
  }

  /** Exports with the document header's menu; resolves to the downloaded file's path and name. */
  async exportAs(choice: string): Promise<{ path: string; name: string }> {
    await this.page.getByLabel('Export format').selectOption({ label: choice });
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export as', exact: true }).click();
    const done = await download;
    const path = await done.path();
    return { path, name: done.suggestedFilename() };
  }

  /** Answers the replace-or-merge question an import over a non-empty diagram asks. */
  async answerImport(answer: 'Replace the diagram' | 'Merge into it' | 'Cancel'): Promise<void> {
    await this.page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: answer }).click();
  }

  async panel(name: 'Inspector' | 'History' | 'Django code' | RegExp): Promise<void> {
    await this.inspector.getByRole('tab', { name }).click();
  }

  get recovery(): Locator {
    return this.page.getByRole('region', { name: 'Recovery' });
  }

  get textPane(): Locator {
    return this.page.getByRole('region', { name: 'Document as text' });
  }

  /** The text pane's editor (Monaco): what it shows, its visible lines. */
  get documentText(): Locator {
    return this.textPane.locator('.monaco-editor .view-lines');
  }

  /** Replaces the text pane's text, typing as a person pasting would. */
  async replaceText(text: string): Promise<void> {
    await this.textPane.getByRole('textbox', { name: 'Document text' }).focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Adds `text` at the end of the text pane's text. */
  async appendText(text: string): Promise<void> {
    await this.textPane.getByRole('textbox', { name: 'Document text' }).focus();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.insertText(text);
  }
}
