/**
 * The page object of the Studio: what a person does (open a file, generate, cancel, review,
 * change settings) and what they see, in the words of the interface.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class StudioPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'DjForge Studio' })).toBeVisible();
    await expect(this.page.getByLabel('Open document')).toContainText('Untitled');
  }

  /** Picks a file with the page's file input, as "Import file…" does. */
  async importFile(filePath: string): Promise<void> {
    await this.page.getByLabel('ERD file').setInputFiles(filePath);
  }

  /** Drops a file on the window, as a person dragging it from the file manager would. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        // Runs in the page; the DOM types are not part of this (Node) project.
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: string[], name: string, options: { type: string }) => unknown;
        };
        const data = new dom.DataTransfer();
        data.items.add(new dom.File([content], fileName, { type: 'application/json' }));
        return data;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  }

  async openPath(filePath: string): Promise<void> {
    await this.page.getByLabel('File path').fill(filePath);
    await this.page.getByRole('button', { name: 'Open', exact: true }).click();
  }

  /** An entity as shown, on the diagram (the default view) or in the list. */
  entity(name: string): Locator {
    return this.page.getByLabel(`Entity ${name}`, { exact: true });
  }

  /** Switches the ERD workspace between its entity list and its diagram. */
  async showErdAs(view: 'List' | 'Diagram'): Promise<void> {
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: view }).click();
  }

  /** An entity's box on the diagram canvas. */
  diagramEntity(name: string): Locator {
    return this.page.getByRole('region', { name: 'Diagram' }).getByRole('group', { name: `Entity ${name}` });
  }

  /** The code of a generated file as the review shows it (Monaco's diff editor once loaded). */
  codeView(path: string): Locator {
    return this.page.getByRole('region', { name: `Diff of ${path}` });
  }

  async selectReviewedFile(path: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Files' }).getByRole('button', { name: path, exact: true }).click();
  }

  async workspace(name: 'ERD' | 'Review' | 'Dashboard' | 'Settings'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async generate(engine: 'template' | 'llm'): Promise<void> {
    await this.page.getByLabel('Engine', { exact: true }).selectOption(engine);
    await this.page.getByRole('button', { name: 'Generate' }).click();
  }

  get runStatus(): Locator {
    return this.page.getByLabel('Run status');
  }

  get overallPercent(): Locator {
    return this.page.getByLabel('Overall percent');
  }

  unitsWithStatus(status: string): Locator {
    return this.page.locator(`.run-panel li.unit-${status}`);
  }

  async cancelRun(): Promise<void> {
    await this.page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Cancel' }).click();
  }

  async reviewedFiles(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Files' }).getByRole('listitem').getByRole('button').allTextContents();
  }

  async setSetting(label: string, value: string): Promise<void> {
    const field = this.page.getByRole('region', { name: 'Settings' }).getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  async saveSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
