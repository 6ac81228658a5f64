export * from './cache-key';
export * from './memory-lru';
export * from './disk-store';
export * from './agent-cache';
export * from './cache-dir';
