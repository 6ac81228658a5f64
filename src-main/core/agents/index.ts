/** The agents and their pool: what hosts and the Studio service import (through core/run/pipeline.ts). */
export * from './definitions';
export * from './events';
export * from './pool';
export * from './split-units';
export * from './execute-plan';
export * from './slice';
