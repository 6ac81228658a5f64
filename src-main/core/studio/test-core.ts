/**
 * A small, honest stand-in for the importers and the generator in the service's unit tests:
 * native JSON only, validated with the shared zod schema, and one file per entity plus a
 * requirements file. The real engine is exercised by the end-to-end tests.
 */
import { ErdSchema } from '../../../src-shared/erd/model';
import type { CoreFunctions } from './core-functions';

export const testCore: CoreFunctions = {
  importErdText(text, fileName) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return {
        erd: null,
        format: null,
        diagnostics: [
          { severity: 'error', code: 'erd.json', message: (e as Error).message, file: fileName, line: 1, column: 1 },
        ],
      };
    }
    const parsed = ErdSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        erd: null,
        format: null,
        diagnostics: parsed.error.issues.map((i) => ({
          severity: 'error' as const,
          code: 'erd.schema',
          message: i.message,
          path: i.path.join('.'),
          file: fileName,
        })),
      };
    }
    return { erd: parsed.data, format: 'djforge-erd', diagnostics: [] };
  },
  serializeErd: (erd) => JSON.stringify(erd, null, 2) + '\n',
  generateProject: (erd) => [
    ...erd.entities.map((e) => ({
      path: `core/${e.name.toLowerCase()}.py`,
      agent: 'models',
      content: `class ${e.name}:\n    pass\n`,
    })),
    { path: 'requirements.txt', agent: 'project', content: 'Django>=3.2\n' },
  ],
};
