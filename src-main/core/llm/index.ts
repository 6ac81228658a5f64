export * from './types';
export * from './presets';
export * from './redact';
export * from './errors';
export * from './client';
export * from './extract-code';
export * from './preflight';
export * from './python-syntax';
