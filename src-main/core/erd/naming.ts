/**
 * Names the importers and the normalizer derive: snake_case attribute names from entity names,
 * English plurals for reverse accessors, and a project package name from a file name.
 */
import { PYTHON_KEYWORDS, RESERVED_MODULE_NAMES } from './python-names';

/** `OrderItem` → `order_item`, `HTTPLog` → `http_log`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/**
 * Plural of the last word of a snake_case name: category → categories, address → addresses,
 * analysis → analyses, analytics → analytics (a word already ending in a plain "s" is kept).
 */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/[^aeiou]is$/.test(name)) return `${name.slice(0, -2)}es`;
  if (/(ss|us|as|os|x|z|ch|sh)$/.test(name)) return `${name}es`;
  if (/s$/.test(name)) return name;
  return `${name}s`;
}

const FILE_PREFIXES = /^(seed[-_]legacy|seed[-_]v2|seed|djforge[-_]erd|erd)[-_]+/i;

/**
 * The Django project package for an imported file: `seed-legacy-jobboard.json` → `jobboard`.
 * The result is always a valid, non-reserved Python package name.
 */
export function projectNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').replace(FILE_PREFIXES, '');
  let name = snakeCase(stem).replace(/_+/g, '_');
  if (name === '') name = 'project';
  if (/^[0-9]/.test(name)) name = `project_${name}`;
  if (PYTHON_KEYWORDS.has(name) || RESERVED_MODULE_NAMES.has(name) || name === 'core') name = `${name}_project`;
  return name;
}
