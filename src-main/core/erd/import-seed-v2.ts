/**
 * The seed's later format: `{"erd": {"entities": {"Job": {"fields": {"title": "str"},
 * "relationships": {"posted_by": "ForeignKey(User)"}}}}, "business_rules": […],
 * "auth_requirements": {…}, "api_requirements": {…}}`. Short type names (`str`, `int`, …) and
 * Django class names are both accepted; relations live under `relationships`.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { ERD_CODES } from './diagnostic-codes';
import type { ImporterOutput } from './importer';
import { entityPath, error, q, warning } from './report';
import { isRecord } from './json-text';
import { SeedBuilder } from './seed-builder';
import { mapApi, mapAuth, mapBusinessRules } from './seed-requirements';
import type { SourceMap } from './source-map';
import { didYouMean } from './suggest';

const TOP_KEYS = ['erd', 'business_rules', 'auth_requirements', 'api_requirements'];
const ENTITY_KEYS = ['fields', 'relationships', 'has_many'];

/** A draft ERD from a later-format seed document, requirements included; null without `erd.entities`. */
export function importSeedV2(root: Record<string, unknown>, fileName: string, map: SourceMap): ImporterOutput {
  const builder = new SeedBuilder(map, 'short');
  const { diagnostics } = builder;
  for (const key of Object.keys(root)) {
    if (TOP_KEYS.includes(key)) continue;
    map.record(key, [key]);
    diagnostics.push(
      warning(ERD_CODES.unknownKey, key, `Unknown property ${q(key)} is ignored${didYouMean(key, TOP_KEYS)}.`),
    );
  }
  map.record('entities', ['erd']);
  const entitiesRaw = isRecord(root.erd) ? root.erd.entities : undefined;
  if (!isRecord(entitiesRaw)) {
    diagnostics.push(
      error(
        ERD_CODES.invalidValue,
        'entities',
        '"erd" must be an object with "entities": { "EntityName": { "fields": {…}, "relationships": {…} } }.',
      ),
    );
    return { erd: null, diagnostics };
  }
  map.record('entities', ['erd', 'entities']);
  Object.entries(entitiesRaw).forEach(([name, body], index) => {
    const pointer = ['erd', 'entities', name];
    if (!isRecord(body)) {
      map.record(entityPath(name, index), pointer);
      diagnostics.push(
        error(
          ERD_CODES.invalidValue,
          entityPath(name, index),
          `Entity ${q(name)} must be an object with "fields" and "relationships".`,
        ),
      );
      return;
    }
    const entity = builder.addEntity(name, pointer);
    for (const key of Object.keys(body)) {
      if (ENTITY_KEYS.includes(key)) continue;
      const path = `${entityPath(name, index)}.${key}`;
      map.record(path, [...pointer, key]);
      diagnostics.push(
        warning(
          ERD_CODES.unknownKey,
          path,
          `Unknown property ${q(key)} of entity ${q(name)} is ignored${didYouMean(key, ENTITY_KEYS)}.`,
        ),
      );
    }
    for (const section of ['fields', 'relationships'] as const) {
      const members = body[section];
      if (members === undefined) continue;
      if (!isRecord(members)) {
        const path = `${entityPath(name, index)}.${section}`;
        map.record(path, [...pointer, section]);
        diagnostics.push(
          error(ERD_CODES.invalidValue, path, `"${section}" of ${q(name)} must be an object of names to types.`),
        );
        continue;
      }
      for (const [member, raw] of Object.entries(members)) {
        const at = [...pointer, section, member];
        if (section === 'relationships' && member === 'has_many') builder.addHasMany(entity, raw, at);
        else if (section === 'relationships') builder.addRelation(entity, member, raw, at);
        else builder.addMember(entity, member, raw, at, false);
      }
    }
    if (body.has_many !== undefined) builder.addHasMany(entity, body.has_many, [...pointer, 'has_many']);
  });
  const erd: Erd = builder.finish(fileName);
  const out = { diagnostics, map };
  if (root.business_rules !== undefined) erd.rules = mapBusinessRules(root.business_rules, out);
  if (root.auth_requirements !== undefined) {
    const auth = mapAuth(root.auth_requirements, out);
    if (auth !== undefined) erd.auth = auth;
  }
  if (root.api_requirements !== undefined) {
    const api = mapApi(root.api_requirements, out);
    if (api !== undefined) erd.api = api;
  }
  return { erd, diagnostics };
}
