/**
 * The naming conventions every generator module shares, in one place, so models, serializers,
 * views, URLs, filters, permissions, admin and tests always agree on what a thing is called.
 */
import type { Entity, Erd } from '../../../src-shared/erd/model';

/** The Django app label an entity lives in (`core` unless the ERD says otherwise). */
export function appOf(erd: Erd, entity: Entity): string {
  return entity.app ?? erd.project.apps?.[0] ?? 'core';
}

export function appLabels(erd: Erd): string[] {
  const labels = new Set<string>(erd.project.apps ?? ['core']);
  for (const e of erd.entities) labels.add(appOf(erd, e));
  return [...labels];
}

/** `OrderItem` → `order_item`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

/** `OrderItem` → `order-item`. */
export function kebabCase(name: string): string {
  return snakeCase(name).replace(/_/g, '-');
}

/** Nouns whose plural is the same word, and adjectives that end an entity name (`ReviewHelpful`). */
const UNCOUNTABLE = new Set([
  'analytics',
  'data',
  'metadata',
  'information',
  'equipment',
  'feedback',
  'news',
  'series',
  'species',
  'software',
  'staff',
  'media',
  'people',
  'children',
]);
const ADJECTIVE = /(ful|ous)$/;

const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  foot: 'feet',
  tooth: 'teeth',
  goose: 'geese',
  ox: 'oxen',
  criterion: 'criteria',
  phenomenon: 'phenomena',
  datum: 'data',
  medium: 'media',
  quiz: 'quizzes',
  leaf: 'leaves',
  life: 'lives',
  knife: 'knives',
  wife: 'wives',
  half: 'halves',
  shelf: 'shelves',
  thief: 'thieves',
  wolf: 'wolves',
  hero: 'heroes',
  potato: 'potatoes',
  tomato: 'tomatoes',
};

function pluralWord(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower) || /ics$/.test(lower) || ADJECTIVE.test(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined)
    return word.charAt(0) === lower.charAt(0) ? irregular : irregular.charAt(0).toUpperCase() + irregular.slice(1);
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/[^aeiou]is$/i.test(word)) return word.slice(0, -2) + 'es';
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + 'es';
  return word + 's';
}

/**
 * English plural of the last word, keeping the separators: category → categories, address →
 * addresses, status → statuses, person → people, analysis → analyses; uncountable words and
 * trailing adjectives stay as they are (`analytics`, `review-helpful`).
 */
export function plural(words: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(words);
  if (match === null) return words + 's';
  return `${match[1] ?? ''}${pluralWord(match[2] ?? '')}`;
}

export const modelClass = (e: Entity): string => e.name;
export const serializerClass = (e: Entity): string => `${e.name}Serializer`;
export const viewSetClass = (e: Entity): string => `${e.name}ViewSet`;
export const filterSetClass = (e: Entity): string => `${e.name}FilterSet`;
export const adminClass = (e: Entity): string => `${e.name}Admin`;
export const permissionClass = (e: Entity): string => `${e.name}AccessPolicy`;
export const testCaseClass = (e: Entity): string => `${e.name}ApiTests`;

/** URL path segment of an entity's collection: `OrderItem` → `order-items`. */
export const routePrefix = (e: Entity): string => plural(kebabCase(e.name));

/** Router basename, hence URL names `<basename>-list` and `<basename>-detail`. */
export const routeBasename = (e: Entity): string => kebabCase(e.name);

/**
 * Fully qualified URL name of an entity's route: each app's `urls.py` sets `app_name` to its
 * label, so `reverse('core:order-item-list')`. With URL versioning the project mounts every app
 * under `<base>/<version>/` and `reverse` needs `kwargs={'version': API_VERSION}`.
 */
export function urlName(erd: Erd, e: Entity, action: 'list' | 'detail'): string {
  return `${appOf(erd, e)}:${routeBasename(e)}-${action}`;
}

/** The only API version generated projects serve when URL versioning is on. */
export const API_VERSION = 'v1';

/** `order_item` / `order-item` / `orderItem` → `OrderItem`. */
export function pascalCase(name: string): string {
  return snakeCase(name)
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The `AppConfig` subclass in `<app>/apps.py`: `shop` → `ShopConfig`. */
export const appConfigClass = (app: string): string => `${pascalCase(app)}Config`;

/**
 * The `TextChoices` class nested in a model for an enum field: `status` → `StatusChoices`, used as
 * `Order.StatusChoices.PAID` (the suffix keeps a field named `meta` from clashing with `Meta`).
 */
export const choicesClass = (fieldName: string): string => `${pascalCase(fieldName)}Choices`;
