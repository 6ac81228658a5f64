/**
 * The Dashboard workspace as a person reads it: its sections, each chart's figure, and the data
 * table behind each chart's toggle, read as rows of cell texts.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  constructor(readonly page: Page) {}

  section(name: 'Selected run' | 'Trends' | 'Models' | 'Against the baselines'): Locator {
    return this.page.getByRole('region', { name });
  }

  figure(title: string): Locator {
    return this.page.getByRole('figure', { name: title, exact: true });
  }

  /** Opens the figure's data table (once) and returns its body rows as cell texts. */
  async table(title: string): Promise<string[][]> {
    const figure = this.figure(title);
    const toggle = figure.getByRole('button', { name: 'Show data table' });
    if (await toggle.isVisible()) await toggle.click();
    const rows = figure.getByRole('table').getByRole('row');
    const all = await rows.evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    return all;
  }

  /** Waits until every chart of the page has drawn (Chart.js loads lazily). */
  async chartsDrawn(): Promise<void> {
    const canvases = this.page.locator('.chart-view canvas');
    await expect(canvases.first()).toBeVisible();
    await expect
      .poll(() => canvases.evaluateAll((all) => all.every((c) => (c as unknown as { width: number }).width > 0)))
      .toBe(true);
  }
}
