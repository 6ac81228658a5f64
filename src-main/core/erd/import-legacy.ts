/**
 * The seed's flat format: `{"Job": {"title": "CharField", "posted_by": "ForeignKey:User",
 * "has_many": ["Application"]}}` — entity name → member name → Django field class or relation
 * notation. The project is named after the file, as the seed tool did.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import type { TypeVocabulary } from './field-types';
import { entityPath, error } from './report';
import { isRecord } from './json-text';
import { SeedBuilder } from './seed-builder';
import type { SourceMap } from './source-map';
import type { ImporterOutput } from './importer';

const VOCABULARY: TypeVocabulary = 'django';

/** A draft ERD from a flat seed document (not yet normalized or validated). */
export function importLegacy(root: Record<string, unknown>, fileName: string, map: SourceMap): ImporterOutput {
  const builder = new SeedBuilder(map, VOCABULARY);
  map.record('entities', []);
  Object.entries(root).forEach(([entityName, body], index) => {
    if (!isRecord(body)) {
      map.record(entityPath(entityName, index), [entityName]);
      builder.diagnostics.push(
        error(
          ERD_CODES.invalidValue,
          entityPath(entityName, index),
          `Entity ${JSON.stringify(entityName)} must be an object of field names to Django field classes.`,
        ),
      );
      return;
    }
    const entity = builder.addEntity(entityName, [entityName]);
    for (const [member, raw] of Object.entries(body)) {
      if (member === 'has_many') builder.addHasMany(entity, raw, [entityName, member]);
      else builder.addMember(entity, member, raw, [entityName, member], true);
    }
  });
  const erd: Erd = builder.finish(fileName);
  return { erd, diagnostics: builder.diagnostics };
}
