/** The agents and their pool: what hosts and the Studio service import (through core/pipeline.ts). */
export * from './definitions';
export * from './events';
export * from './pool';
export * from './registry';
export * from './run-plan';
export * from './slice';
