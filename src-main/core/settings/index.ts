export * from './settings-document';
export * from './settings-store';
export * from './file-settings-store';
export * from './data-dir';
export { withFileLock, LOCK_WAIT_MS } from './file-lock';
