/**
 * The real engine behind the Studio service: the ERD importers and serializer, and the template
 * generator. Hosts pass this to `createStudioService`; tests may pass a stand-in.
 */
import { importErdText, serializeErd } from '../erd';
import { generateProject } from '../generate';
import type { CoreFunctions } from './core-functions';

export const defaultCoreFunctions: CoreFunctions = { importErdText, serializeErd, generateProject };
