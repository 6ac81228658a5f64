/** The real ERD functions behind the Studio service: the importers, the serializer and the run plan. */
import { importErdFile, serializeErd } from '../erd';
import { plannedUnits } from '../run/plan';
import type { CoreFunctions } from './core-functions';

export const defaultCoreFunctions: CoreFunctions = {
  importErdText: (text, fileName) => importErdFile(text, fileName),
  serializeErd,
  planUnits: plannedUnits,
};
