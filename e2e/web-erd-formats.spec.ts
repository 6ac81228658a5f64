/**
 * Schemas in and out of the editor, as a person does it: import a DBML file and an SQL file (the
 * second over the first, answering "replace"), generate a project from each; export the whole
 * diagram as SVG and PNG and check they are pictures of it; export DBML and import it back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EditorPage } from './support/editor-page';
import { expect, test } from './support/fixtures';

const DBML = `Project library { database_type: 'PostgreSQL' }
Table author {
  id int [pk, increment]
  name varchar(120) [not null]
  born date
}
Table book {
  id int [pk, increment]
  title varchar(200) [not null, unique]
  author_id int [not null, ref: > author.id]
  price decimal(8,2)
}
`;

const SQL = `CREATE TABLE customer (
  id SERIAL PRIMARY KEY,
  email VARCHAR(254) NOT NULL UNIQUE
);
CREATE TABLE purchase (
  id SERIAL PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  placed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  amount NUMERIC(10, 2) NOT NULL
);
`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('import a DBML file and an SQL file and generate a project from each', async ({ studio, page, workDir }) => {
  const editor = new EditorPage(page);
  const dbml = path.join(workDir, 'library.dbml');
  await writeFile(dbml, DBML);
  await studio.importFile(dbml);
  await expect(editor.entity('Author')).toBeVisible({ timeout: 45_000 });
  await expect(editor.entity('Book')).toBeVisible();
  await expect(editor.relation('Book', 'author', 'Author')).toBeAttached();
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed', { timeout: 45_000 });
  await studio.workspace('Review');
  expect(await studio.reviewedFiles()).toEqual(expect.arrayContaining(['core/models.py', 'core/tests.py']));

  await studio.workspace('ERD');
  const sql = path.join(workDir, 'shop.sql');
  await writeFile(sql, SQL);
  await studio.importFile(sql);
  await editor.answerImport('Replace the diagram');
  await expect(editor.entity('Purchase')).toBeVisible();
  await expect(editor.entity('Book')).toHaveCount(0);
  await editor.panel('History');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Import');
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed', { timeout: 45_000 });
  await studio.workspace('Review');
  const files = await studio.reviewedFiles();
  expect(files.some((f) => f.endsWith('/models.py'))).toBe(true);
  await studio.selectReviewedFile(files.find((f) => f.endsWith('/models.py')) ?? '');
  await expect(studio.codeView(files.find((f) => f.endsWith('/models.py')) ?? '')).toContainText('class Purchase');

  // The import is one step: undo brings the DBML diagram back.
  await studio.workspace('ERD');
  await editor.undo();
  await expect(editor.entity('Book')).toBeVisible();
  await expect(editor.entity('Purchase')).toHaveCount(0);
});

test('replacing an open file with an import makes an unsaved document of the imported file', async ({
  studio,
  page,
  workDir,
}) => {
  const editor = new EditorPage(page);
  const dbml = path.join(workDir, 'library.dbml');
  await writeFile(dbml, DBML);
  await studio.openPath(dbml);
  await expect(editor.entity('Book')).toBeVisible({ timeout: 45_000 });
  const header = page.getByLabel('Open document');
  await expect(header).toHaveText('library.dbml');
  const sql = path.join(workDir, 'shop.sql');
  await writeFile(sql, SQL);
  await studio.importFile(sql);
  await editor.answerImport('Replace the diagram');
  await expect(editor.entity('Purchase')).toBeVisible();
  // The document is now the imported file's, not saved anywhere: dirty, and Save never writes it over library.dbml.
  await expect(header).toHaveText('• shop.sql');
  await page.getByLabel('File path').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /path|where|file/i })
      .first(),
  ).toBeVisible();
  expect(await readFile(dbml, 'utf8')).toBe(DBML);
  const saved = path.join(workDir, 'shop.json');
  await page.getByLabel('File path').fill(saved);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(header).toHaveText('shop.json');
  expect(await readFile(saved, 'utf8')).toContain('Purchase');
  // A merge keeps the open document: its name stays, now with unsaved changes.
  await studio.importFile(dbml);
  await editor.answerImport('Merge into it');
  await expect(editor.entity('Book')).toBeVisible();
  await expect(header).toHaveText('• shop.json');
});

test('export the whole diagram as SVG and PNG, and DBML that imports back', async ({ studio, page, workDir }) => {
  const editor = new EditorPage(page);
  const dbml = path.join(workDir, 'library.dbml');
  await writeFile(dbml, DBML);
  await studio.importFile(dbml);
  // The canvas loads with the first diagram; on a busy machine that takes a while.
  await expect(editor.entity('Book')).toBeVisible({ timeout: 45_000 });
  // A schema without positions is laid out by ELK in its worker: export the laid-out diagram
  // (exported during the layout, the SVG and the PNG were of two different drawings).
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toHaveText(/Auto-layout/, { timeout: 45_000 });

  const svg = await editor.exportAs('SVG image');
  expect(svg.name).toBe('library.svg');
  const text = await readFile(svg.path, 'utf8');
  const size = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(text);
  expect(Number(size?.[1])).toBeGreaterThan(400);
  expect(Number(size?.[2])).toBeGreaterThan(150);
  for (const name of ['>Author<', '>Book<', '>title<', 'Relation Book.author to Author']) expect(text).toContain(name);
  // The browser reads it as an image of that size (a string script: page code has no Node types).
  const drawn = await page.evaluate<{ width: number; height: number }>(`(async () => {
    const url = URL.createObjectURL(new Blob([${JSON.stringify(text)}], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  })()`);
  expect(drawn).toEqual({ width: Number(size?.[1]), height: Number(size?.[2]) });

  const png = await editor.exportAs('PNG image');
  expect(png.name).toBe('library.png');
  const pixels = pngSize(await readFile(png.path));
  expect(pixels.width).toBe(Number(size?.[1]) * 2);
  expect(pixels.height).toBe(Number(size?.[2]) * 2);

  const exported = await editor.exportAs('DBML');
  expect(exported.name).toBe('library.dbml');
  const back = path.join(workDir, 'library-again.dbml');
  await writeFile(back, await readFile(exported.path, 'utf8'));
  await editor.entity('Author').locator('.diagram-box-head').click();
  await page.getByRole('toolbar', { name: 'Diagram actions' }).getByRole('button', { name: 'Delete' }).click();
  await expect(editor.entity('Author')).toHaveCount(0);
  await studio.importFile(back);
  await editor.answerImport('Merge into it');
  await expect(editor.entity('Author')).toBeVisible();
  await expect(editor.entity('Book')).toBeVisible();

  const sql = await editor.exportAs('SQL (MySQL)');
  expect(sql.name).toBe('library.mysql.sql');
  expect(await readFile(sql.path, 'utf8')).toContain('CREATE TABLE `book`'); // the imported table's own name (dbTable);
});

test('the preview shows the Django code of the selected entity and follows edits', async ({
  studio,
  page,
  workDir,
}) => {
  const editor = new EditorPage(page);
  const dbml = path.join(workDir, 'library.dbml');
  await writeFile(dbml, DBML);
  await studio.importFile(dbml);
  await expect(editor.entity('Book')).toBeVisible({ timeout: 45_000 });
  await editor.selectEntity('Book');
  await editor.panel('Django code');
  const code = page.getByRole('region', { name: 'Code of preview/Book/core/models.py' });
  await expect(code).toContainText('class Book(models.Model):');
  await editor.inspector.getByRole('tab', { name: 'Serializer' }).click();
  await expect(page.getByRole('region', { name: 'Code of preview/Book/core/serializers.py' })).toContainText(
    'class BookSerializer',
  );
  await editor.inspector.getByRole('tab', { name: 'Model' }).click();
  await editor.panel('Inspector');
  await editor.inspector.getByRole('button', { name: 'Add field' }).click();
  await editor.rename('Field name', 'isbn');
  await editor.panel('Django code');
  await expect(code).toContainText('isbn = models.CharField');
});

test('the text pane applies DBML as one step, or refuses it with the parser’s line', async ({
  studio,
  page,
  workDir,
}) => {
  const editor = new EditorPage(page);
  const dbml = path.join(workDir, 'library.dbml');
  await writeFile(dbml, DBML);
  await studio.importFile(dbml);
  // The canvas loads with the first diagram; on a busy machine that takes a while.
  await expect(editor.entity('Book')).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  // Monaco, with DBML highlighting: keywords are coloured tokens, not plain text.
  const text = editor.documentText;
  await expect(text).toContainText(/Table\s"?book"?\s\{/); // the imported table keeps its name (dbTable)
  await expect(
    text
      .locator('span[class^="mtk"]')
      .filter({ hasText: /^Table$/ })
      .first(),
  ).toBeVisible();
  await editor.replaceText('Table Book {\n  id int [pk\n}\n');
  await editor.textPane.getByRole('button', { name: 'Apply text' }).click();
  await expect(editor.textPane.getByRole('alert')).toContainText(/\(\d+:\d+\): The DBML does not parse/);
  // The refusal is marked in the editor at the parser's line (a squiggle Monaco draws).
  await expect(editor.textPane.locator('.squiggly-error').first()).toBeAttached();
  await expect(editor.entity('Author')).toBeVisible();
  await editor.textPane.getByRole('button', { name: 'Revert text' }).click();
  await expect(text).toContainText(/Table\s"?author"?\s\{/);
  await editor.appendText('\nTable Publisher {\n  id int [pk, increment]\n  name varchar(80) [not null]\n}\n');
  await editor.textPane.getByRole('button', { name: 'Apply text' }).click();
  await expect(editor.entity('Publisher')).toBeVisible();
  await expect(editor.entity('Book')).toBeVisible();
  await editor.panel('History');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Text edit');
  await editor.undo();
  await expect(editor.entity('Publisher')).toHaveCount(0);
});
