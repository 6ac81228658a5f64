/**
 * Database names → Django names: tables become PascalCase model classes, columns snake_case
 * attributes, foreign-key columns lose their `_id`; names that are Python keywords, that Django
 * reserves, or that collide after conversion get a safe, distinct name and a note.
 */
import { snakeCase } from './naming';
import { PYTHON_KEYWORDS } from './python-names';
import { RESERVED_ENTITY_NAMES, RESERVED_FIELD_NAMES } from './reserved-names';

/** `order_items` → `OrderItems`, `ssh-key` → `SshKey`, `[Order Details]` → `OrderDetails`, `Album` stays. */
export function modelClassName(table: string): string {
  const words = table.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const allUpper = table === table.toUpperCase();
  let name = words
    .map((w) => {
      const word = allUpper ? w.toLowerCase() : w;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join('');
  if (name === '') name = 'Table';
  if (/^[0-9]/.test(name)) name = `T${name}`;
  if (PYTHON_KEYWORDS.has(name) || RESERVED_ENTITY_NAMES.has(name)) name = `${name}Model`;
  return name;
}

/** `ReportsTo` → `reports_to`, `from` → `from_field`, `id` → `id_field`, `2fa` → `f_2fa`. */
export function attributeName(column: string): string {
  let name = snakeCase(column);
  if (name === '') name = 'field';
  if (/^[0-9]/.test(name)) name = `f_${name}`;
  if (PYTHON_KEYWORDS.has(name) || RESERVED_FIELD_NAMES.has(name)) name = `${name}_field`;
  return name;
}

/** The relation name for a foreign-key column: `customer_id` → `customer`, `ReportsTo` → `reports_to`. */
export function relationName(column: string): string {
  const snake = snakeCase(column);
  const stripped = snake.replace(/_(id|fk|key)$/, '');
  return attributeName(stripped === '' || stripped === snake ? snake : stripped);
}

/** Hands out names unique within one scope: `name`, then `name_2`, `name_3`, … (or `Name2` for classes). */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(private readonly separator: string = '_') {}

  /** Reserves `name` (or the first free variant) and returns it. */
  claim(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${name}${this.separator}${n}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
