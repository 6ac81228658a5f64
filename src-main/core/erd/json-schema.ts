/**
 * The published JSON Schema of the `djforge-erd` format, derived from the zod schema so the two
 * can never disagree. Kept apart from the writer script so a test can compare it with the
 * committed `resources/erd.schema.json` without writing anything.
 */
import { z } from 'zod';
import { ERD_FORMAT, ERD_VERSION, ErdSchema } from '../../../src-shared/erd/model';

export const ERD_SCHEMA_FILE = 'resources/erd.schema.json';

/** The schema document as text: 2-space indent and a trailing newline, like every JSON file we write. */
export function erdJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(ErdSchema),
    $id: 'https://djforge.studio/schemas/erd.schema.json',
    title: `${ERD_FORMAT} v${ERD_VERSION}`,
    description: 'An entity-relationship diagram that DjForge Studio turns into a Django REST Framework project.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
