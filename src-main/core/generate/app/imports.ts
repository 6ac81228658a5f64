/**
 * Import blocks computed from the code they serve: a symbol is imported only when the assembled
 * units really use it (outside strings and comments), so output has no unused imports even after
 * an LLM refines a unit. Sections follow PEP 8 / isort: standard library, third party, local.
 */

/** Where a symbol comes from: `from module import name` (or `import module` when `name` is absent). */
export interface ImportSource {
  module: string;
  name?: string;
  section: 'stdlib' | 'thirdparty' | 'local';
}

/** A symbol used in code → where it comes from. */
export type ImportCatalog = Readonly<Record<string, ImportSource>>;

/** Symbols every generated app file may draw on. */
export const COMMON_IMPORTS: ImportCatalog = {
  datetime: { module: 'datetime', section: 'stdlib' },
  Decimal: { module: 'decimal', name: 'Decimal', section: 'stdlib' },
  UUID: { module: 'uuid', name: 'UUID', section: 'stdlib' },
  uuid4: { module: 'uuid', name: 'uuid4', section: 'stdlib' },
  admin: { module: 'django.contrib', name: 'admin', section: 'thirdparty' },
  AppConfig: { module: 'django.apps', name: 'AppConfig', section: 'thirdparty' },
  Group: { module: 'django.contrib.auth.models', name: 'Group', section: 'thirdparty' },
  AbstractUser: { module: 'django.contrib.auth.models', name: 'AbstractUser', section: 'thirdparty' },
  BaseUserAdmin: { module: 'django.contrib.auth.admin', name: 'UserAdmin as BaseUserAdmin', section: 'thirdparty' },
  settings: { module: 'django.conf', name: 'settings', section: 'thirdparty' },
  password_validation: { module: 'django.contrib.auth', name: 'password_validation', section: 'thirdparty' },
  ValidationError: { module: 'django.core.exceptions', name: 'ValidationError', section: 'thirdparty' },
  MaxLengthValidator: { module: 'django.core.validators', name: 'MaxLengthValidator', section: 'thirdparty' },
  MaxValueValidator: { module: 'django.core.validators', name: 'MaxValueValidator', section: 'thirdparty' },
  MinLengthValidator: { module: 'django.core.validators', name: 'MinLengthValidator', section: 'thirdparty' },
  MinValueValidator: { module: 'django.core.validators', name: 'MinValueValidator', section: 'thirdparty' },
  RegexValidator: { module: 'django.core.validators', name: 'RegexValidator', section: 'thirdparty' },
  get_object_or_404: { module: 'django.shortcuts', name: 'get_object_or_404', section: 'thirdparty' },
  transaction: { module: 'django.db', name: 'transaction', section: 'thirdparty' },
  Count: { module: 'django.db.models', name: 'Count', section: 'thirdparty' },
  F: { module: 'django.db.models', name: 'F', section: 'thirdparty' },
  Q: { module: 'django.db.models', name: 'Q', section: 'thirdparty' },
  Sum: { module: 'django.db.models', name: 'Sum', section: 'thirdparty' },
  timezone: { module: 'django.utils', name: 'timezone', section: 'thirdparty' },
  status: { module: 'rest_framework', name: 'status', section: 'thirdparty' },
  action: { module: 'rest_framework.decorators', name: 'action', section: 'thirdparty' },
  PermissionDenied: { module: 'rest_framework.exceptions', name: 'PermissionDenied', section: 'thirdparty' },
  Response: { module: 'rest_framework.response', name: 'Response', section: 'thirdparty' },
  models: { module: 'django.db', name: 'models', section: 'thirdparty' },
  ProtectedError: { module: 'django.db.models', name: 'ProtectedError', section: 'thirdparty' },
  RestrictedError: { module: 'django.db.models', name: 'RestrictedError', section: 'thirdparty' },
  post_migrate: { module: 'django.db.models.signals', name: 'post_migrate', section: 'thirdparty' },
  include: { module: 'django.urls', name: 'include', section: 'thirdparty' },
  path: { module: 'django.urls', name: 'path', section: 'thirdparty' },
  now: { module: 'django.utils.timezone', name: 'now', section: 'thirdparty' },
  django_filters: { module: 'django_filters', section: 'thirdparty' },
  DjangoFilterBackend: { module: 'django_filters.rest_framework', name: 'DjangoFilterBackend', section: 'thirdparty' },
  serializers: { module: 'rest_framework', name: 'serializers', section: 'thirdparty' },
  APIException: { module: 'rest_framework.exceptions', name: 'APIException', section: 'thirdparty' },
  viewsets: { module: 'rest_framework', name: 'viewsets', section: 'thirdparty' },
  OrderingFilter: { module: 'rest_framework.filters', name: 'OrderingFilter', section: 'thirdparty' },
  SearchFilter: { module: 'rest_framework.filters', name: 'SearchFilter', section: 'thirdparty' },
  AllowAny: { module: 'rest_framework.permissions', name: 'AllowAny', section: 'thirdparty' },
  BasePermission: { module: 'rest_framework.permissions', name: 'BasePermission', section: 'thirdparty' },
  IsAuthenticated: { module: 'rest_framework.permissions', name: 'IsAuthenticated', section: 'thirdparty' },
  FormParser: { module: 'rest_framework.parsers', name: 'FormParser', section: 'thirdparty' },
  JSONParser: { module: 'rest_framework.parsers', name: 'JSONParser', section: 'thirdparty' },
  MultiPartParser: { module: 'rest_framework.parsers', name: 'MultiPartParser', section: 'thirdparty' },
  IsAuthenticatedOrReadOnly: {
    module: 'rest_framework.permissions',
    name: 'IsAuthenticatedOrReadOnly',
    section: 'thirdparty',
  },
  SAFE_METHODS: { module: 'rest_framework.permissions', name: 'SAFE_METHODS', section: 'thirdparty' },
  DefaultRouter: { module: 'rest_framework.routers', name: 'DefaultRouter', section: 'thirdparty' },
};

const STRING_OR_COMMENT = /["'#]/g;

/**
 * Python source with every string literal and comment blanked out, so only code tokens remain: a
 * string becomes one space, a comment disappears up to its newline. Code between them is copied in
 * slices (never a character at a time), since every assembled file of a project passes through here.
 */
export function codeOnly(source: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < source.length) {
    STRING_OR_COMMENT.lastIndex = i;
    const found = STRING_OR_COMMENT.exec(source);
    if (found === null) break;
    const at = found.index;
    parts.push(source.slice(copied, at));
    const ch = found[0];
    if (ch === '#') {
      const newline = source.indexOf('\n', at);
      i = newline < 0 ? source.length : newline;
      copied = i;
      continue;
    }
    const triple = source.startsWith(ch.repeat(3), at);
    const quote = triple ? ch.repeat(3) : ch;
    i = at + quote.length;
    while (i < source.length && !source.startsWith(quote, i)) {
      if (source[i] === '\\') i++;
      else if (!triple && source[i] === '\n') break;
      i++;
    }
    i += quote.length;
    parts.push(' ');
    copied = i;
  }
  if (copied < source.length) parts.push(source.slice(copied));
  return parts.join('');
}

const WORD = /[A-Za-z0-9_]+/g;
const ASSIGNED = /\s*=(?!=)/y;
const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/**
 * Every name `code` uses as a name (the rule of `usedSymbols`), found in one pass: a maximal run of
 * word characters not after a dot and not followed by an assignment `=` (a `==` is a use).
 */
function nameUses(code: string): Set<string> {
  const names = new Set<string>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(code); m !== null; m = WORD.exec(code)) {
    const name = m[0];
    if (names.has(name) || code[m.index - 1] === '.') continue;
    ASSIGNED.lastIndex = m.index + name.length;
    if (!ASSIGNED.test(code)) names.add(name);
  }
  return names;
}

/**
 * The catalog symbols that `source` uses as names: not attributes of something else (`x.status`),
 * not keyword arguments or assignment targets (`status='paid'`, `status = ...`), so a field or
 * argument that happens to share a symbol's name never drags in an import. The code is scanned
 * once whatever the catalog's size (an app's local catalog has a name per entity).
 */
export function usedSymbols(source: string, catalog: ImportCatalog): string[] {
  const code = codeOnly(source);
  const names = nameUses(code);
  return Object.keys(catalog)
    .filter((symbol) =>
      PLAIN_NAME.test(symbol) ? names.has(symbol) : new RegExp(`(?<![\\w.])${symbol}(?!\\w)(?!\\s*=(?!=))`).test(code),
    )
    .sort();
}

/**
 * The import block for `source`: one statement per module, sections separated by a blank line,
 * `import x` before `from x import y` within a section (isort's default), names sorted.
 */
export function importBlock(source: string, catalog: ImportCatalog): string {
  const plain: Record<ImportSource['section'], Set<string>> = {
    stdlib: new Set(),
    thirdparty: new Set(),
    local: new Set(),
  };
  const from: Record<ImportSource['section'], Map<string, Set<string>>> = {
    stdlib: new Map(),
    thirdparty: new Map(),
    local: new Map(),
  };
  for (const symbol of usedSymbols(source, catalog)) {
    const src = catalog[symbol];
    if (src === undefined) continue;
    if (src.name === undefined) plain[src.section].add(src.module);
    else {
      const names = from[src.section].get(src.module) ?? new Set<string>();
      names.add(src.name);
      from[src.section].set(src.module, names);
    }
  }
  const sections = (['stdlib', 'thirdparty', 'local'] as const).map((section) => {
    const lines = [...plain[section]].sort().map((m) => `import ${m}`);
    for (const module of [...from[section].keys()].sort()) {
      const names = [...(from[section].get(module) ?? [])].sort();
      const flat = `from ${module} import ${names.join(', ')}`;
      lines.push(flat.length <= 119 ? flat : `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`);
    }
    return lines.join('\n');
  });
  return sections.filter((s) => s.length > 0).join('\n\n');
}

/** A catalog of the app-local names `from .<module> import <Name>`. */
export function localImports(module: string, names: readonly string[]): Record<string, ImportSource> {
  const out: Record<string, ImportSource> = {};
  for (const name of names) out[name] = { module: `.${module}`, name, section: 'local' };
  return out;
}

/** The part of `COMMON_IMPORTS` one file kind may use: each file resolves only its own symbols. */
export function pickImports(...symbols: string[]): Record<string, ImportSource> {
  const out: Record<string, ImportSource> = {};
  for (const symbol of symbols) {
    const src = COMMON_IMPORTS[symbol];
    if (src === undefined) throw new Error(`Unknown import symbol ${symbol}`);
    out[symbol] = src;
  }
  return out;
}
