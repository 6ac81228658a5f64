/**
 * `npm run schema`: regenerates `resources/erd.schema.json` from the zod schema. Run it after
 * changing `src-shared/erd/model.ts`; a test fails while the committed file is out of date.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERD_SCHEMA_FILE, erdJsonSchemaText } from '../src-main/core/erd/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, ERD_SCHEMA_FILE);
await fs.mkdir(path.dirname(target), { recursive: true });
await fs.writeFile(target, erdJsonSchemaText());
process.stdout.write(`Wrote ${ERD_SCHEMA_FILE}\n`);
