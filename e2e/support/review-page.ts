/**
 * The page object of the review workspace: what a person does there (pick a file, decide, run a
 * batch, edit in the diff editor, regenerate with feedback, plan and write) and what they see, in
 * the words of the interface.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewPage {
  constructor(readonly page: Page) {}

  get files(): Locator {
    return this.page.getByRole('list', { name: 'Files' });
  }

  fileRow(path: string): Locator {
    return this.files.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: path, exact: true }) });
  }

  async open(path: string): Promise<void> {
    await this.files.getByRole('button', { name: path, exact: true }).click();
    await expect(this.fileView(path)).toBeVisible();
  }

  fileView(path: string): Locator {
    return this.page.getByRole('article', { name: `Content of ${path}` });
  }

  diff(path: string): Locator {
    return this.page.getByRole('region', { name: `Diff of ${path}` });
  }

  /** The editable (right-hand) side of the diff editor, once Monaco is on screen. */
  modifiedEditor(path: string): Locator {
    return this.diff(path).locator('.editor.modified');
  }

  score(path: string): Locator {
    return this.page.getByRole('complementary', { name: `Score of ${path}` }).getByLabel('Score');
  }

  category(path: string): Locator {
    return this.page.getByRole('complementary', { name: `Score of ${path}` }).getByLabel('Category');
  }

  findings(path: string): Locator {
    return this.page.getByRole('list', { name: `Findings in ${path}` });
  }

  get approval(): Locator {
    return this.page.getByLabel('Approval');
  }

  batch(label: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Batch operations' }).getByRole('button', { name: label });
  }

  /** Runs a batch operation and answers its question with yes; returns the count it announced. */
  async runBatch(label: string, verb: string, count: number): Promise<void> {
    await this.batch(`${label} (${count})`).click();
    const ask = this.page.getByRole('dialog', { name: 'Confirm batch' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: `${verb} ${count} file(s)` }).click();
    await expect(ask).toBeHidden();
  }

  async undoBatch(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Undo ${label}` }).click();
  }

  decision(path: string): Locator {
    return this.fileRow(path).locator('.decision');
  }

  /** Puts the cursor at the end of the right-hand text and adds `text` as typed (no auto-closing). */
  async appendInEditor(path: string, text: string): Promise<void> {
    // The top of the editor's visible text: the lines' own element is as wide as the longest line,
    // so its centre may lie past what the editor shows.
    await this.modifiedEditor(path).click({ position: { x: 100, y: 10 } });
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.insertText(text);
  }

  async keepEdit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Keep edit' }).click();
  }

  async regenerate(path: string, feedback: string): Promise<void> {
    const panel = this.page.getByRole('complementary', { name: `Score of ${path}` });
    await panel.getByLabel('Feedback for the model').fill(feedback);
    await panel.getByRole('button', { name: 'Regenerate' }).click();
  }

  async setOutputFolder(dir: string): Promise<void> {
    await this.page.getByLabel('Output folder').fill(dir);
  }

  get plan(): Locator {
    return this.page.getByRole('region', { name: 'Merge plan' });
  }

  async showPlan(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show merge plan' }).click();
    await expect(this.plan).toBeVisible();
  }

  async write(): Promise<void> {
    await this.page.getByRole('button', { name: 'Write approved files' }).click();
  }

  conflict(path: string): Locator {
    return this.page.getByRole('dialog', { name: `Conflict in ${path}` });
  }
}
