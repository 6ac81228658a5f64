/** The real ERD functions behind the Studio service: the importers, the serializer and the run plan. */
import { importErdText, serializeErd } from '../erd';
import { plannedUnits } from '../run/plan';
import type { CoreFunctions } from './core-functions';

export const defaultCoreFunctions: CoreFunctions = {
  importErdText,
  serializeErd,
  planUnits: plannedUnits,
};
