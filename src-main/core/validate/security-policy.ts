/**
 * What a generated Django backend may use: the allowlist the security layer judges every file
 * against, derived from what the template engine itself writes for the examples and the stress
 * fixtures, plus the everyday standard library a model needs to refine it (business rules,
 * validators). One data object, handed to the CPython analyzer in its request and read by the
 * tree-sitter fallback, so both engines judge by the same list.
 */

/** Per-file-kind extras: a file kind is the file's base name (`settings.py`) or `tests` for test modules. */
export type FileKind = 'settings.py' | 'manage.py' | 'asgi.py' | 'wsgi.py' | 'tests' | 'other';

export interface SecurityPolicy {
  /** Top-level packages whose every submodule may be imported (minus `deniedModules`). */
  packages: readonly string[];
  /** Standard-library modules any file may import (exact module or its submodules). */
  stdlib: readonly string[];
  /** Further modules a file kind may import. */
  byKind: Readonly<Record<FileKind, readonly string[]>>;
  /** Modules inside an allowed package that load code or touch processes (`import_string`, `call_command`). */
  deniedModules: readonly string[];
  /** Submodules denied except in one file kind. */
  deniedExcept: Readonly<Record<string, FileKind>>;
  /** For modules that reach the file system or the process: the attribute paths a file may use. */
  moduleAttributes: Readonly<Record<string, readonly string[]>>;
  /** Builtins that load code, reach every name, or open files: any reference is an error. */
  forbiddenNames: Readonly<Record<string, string>>;
  /** Attributes that walk from an object to the interpreter's internals (the sandbox-escape chains). */
  forbiddenAttributes: readonly string[];
  /** Method names that read, write or delete files whatever object they are called on. */
  fileMethods: readonly string[];
  /** Builtins that may be called in module- or class-level code (pure constructors and helpers). */
  pureBuiltins: readonly string[];
  /** Rule id for a module outside the allowlist, by its top-level name (default `security.import-not-allowed`). */
  importRules: Readonly<Record<string, string>>;
}

const PROCESS = ['subprocess', 'pty', 'multiprocessing', 'signal', 'pexpect', 'commands', 'popen2', 'posix', 'nt'];
const NETWORK = ['socket', 'ssl', 'urllib', 'urllib2', 'http', 'requests', 'httpx', 'ftplib', 'smtplib', 'telnetlib'];
const DYNAMIC = ['importlib', 'imp', 'runpy', 'zipimport', 'pkgutil', 'code', 'codeop'];
const INTROSPECTION = ['inspect', 'gc', 'types', 'sys', 'traceback', 'ast', 'dis', 'marshal'];

export const SECURITY_POLICY: SecurityPolicy = {
  packages: [
    'django',
    'rest_framework',
    'django_filters',
    'drf_spectacular',
    'rest_framework_simplejwt',
    'corsheaders',
  ],
  stdlib: [
    '__future__',
    'decimal',
    'datetime',
    'uuid',
    're',
    'typing',
    'enum',
    'functools',
    'itertools',
    'collections',
    'dataclasses',
    'math',
    'json',
    'string',
    'logging',
    'zoneinfo',
    'operator',
    'textwrap',
    'unicodedata',
    'fractions',
    'statistics',
    'secrets',
    'hashlib',
    'hmac',
    'base64',
    'calendar',
    'copy',
  ],
  byKind: {
    'settings.py': ['os', 'sys', 'pathlib', 'environ', 'drf_spectacular_sidecar'],
    'manage.py': ['os', 'sys'],
    'asgi.py': ['os'],
    'wsgi.py': ['os'],
    tests: ['shutil', 'tempfile', 'unittest', 'io'],
    other: [],
  },
  deniedModules: ['django.utils.module_loading', 'django.utils.autoreload', 'django.db.migrations.loader'],
  deniedExcept: { 'django.core.management': 'manage.py' },
  moduleAttributes: {
    os: [
      'environ',
      'environ.get',
      'environ.setdefault',
      'getenv',
      'path',
      'path.join',
      'path.dirname',
      'path.basename',
      'path.abspath',
      'path.realpath',
      'path.normpath',
      'path.splitext',
      'path.exists',
      'path.isfile',
      'path.isdir',
      'sep',
      'linesep',
    ],
    sys: ['argv', 'version_info', 'version', 'platform', 'stdout', 'stderr', 'exit', 'maxsize'],
    shutil: ['rmtree'],
    tempfile: ['mkdtemp', 'gettempdir', 'TemporaryDirectory'],
    pathlib: ['Path', 'PurePath', 'PurePosixPath'],
    io: ['BytesIO', 'StringIO'],
  },
  forbiddenNames: {
    eval: 'security.eval',
    exec: 'security.eval',
    compile: 'security.eval',
    __import__: 'security.dynamic-import',
    open: 'security.file-access',
    globals: 'security.introspection',
    locals: 'security.introspection',
    vars: 'security.introspection',
    breakpoint: 'security.introspection',
    __builtins__: 'security.builtins',
    __loader__: 'security.introspection',
    __spec__: 'security.introspection',
  },
  forbiddenAttributes: [
    '__dict__',
    '__subclasses__',
    '__globals__',
    '__builtins__',
    '__code__',
    '__bases__',
    '__base__',
    '__mro__',
    '__import__',
    '__loader__',
    '__spec__',
    '__closure__',
    '__getattribute__',
    '__reduce__',
    '__reduce_ex__',
    'mro',
    'f_globals',
    'f_locals',
    'f_back',
    'f_builtins',
    'gi_frame',
    'cr_frame',
    'tb_frame',
    'co_code',
    'func_globals',
  ],
  fileMethods: [
    'read_text',
    'write_text',
    'read_bytes',
    'write_bytes',
    'unlink',
    'rmdir',
    'rmtree',
    'symlink_to',
    'hardlink_to',
    'chmod',
    'chown',
    'touch',
    'system',
    'popen',
    'getoutput',
    'getstatusoutput',
    'spawn',
  ],
  pureBuiltins: [
    'bool',
    'int',
    'float',
    'str',
    'bytes',
    'list',
    'dict',
    'tuple',
    'set',
    'frozenset',
    'len',
    'range',
    'sorted',
    'reversed',
    'min',
    'max',
    'sum',
    'any',
    'all',
    'zip',
    'enumerate',
    'isinstance',
    'issubclass',
    'property',
    'staticmethod',
    'classmethod',
    'abs',
    'round',
    'repr',
  ],
  importRules: {
    ...Object.fromEntries(PROCESS.map((m) => [m, 'security.process'])),
    ...Object.fromEntries(NETWORK.map((m) => [m, 'security.network'])),
    ...Object.fromEntries(DYNAMIC.map((m) => [m, 'security.dynamic-import'])),
    ...Object.fromEntries(INTROSPECTION.map((m) => [m, 'security.introspection'])),
    builtins: 'security.builtins',
    __builtin__: 'security.builtins',
    ctypes: 'security.native-code',
    cffi: 'security.native-code',
    pickle: 'security.pickle',
    cPickle: 'security.pickle',
    dill: 'security.pickle',
    shelve: 'security.pickle',
    os: 'security.process',
    shutil: 'security.file-access',
    tempfile: 'security.file-access',
    pathlib: 'security.file-access',
    io: 'security.file-access',
    glob: 'security.file-access',
    fileinput: 'security.file-access',
    'django.utils.module_loading': 'security.dynamic-import',
    'django.core.management': 'security.process',
  },
};

/** The kind of a project file for the allowlist (`proj/settings.py` → `settings.py`, `shop/tests/test_x.py` → `tests`). */
export function fileKind(path: string): FileKind {
  const base = path.split('/').pop() ?? path;
  if (base === 'settings.py' || path.includes('/settings/')) return 'settings.py';
  if (base === 'manage.py' || base === 'asgi.py' || base === 'wsgi.py') return base;
  if (base === 'tests.py' || /^test_.*\.py$/.test(base) || /(^|\/)tests\//.test(path)) return 'tests';
  return 'other';
}

/** Top-level names of the project's own modules (`shop/models.py` → `shop`, `manage.py` → `manage`): imports of these are the project's, not third-party. */
export function projectRoots(files: readonly { path: string }[]): Set<string> {
  return new Set(
    files.filter((f) => f.path.endsWith('.py')).map((f) => (f.path.split('/')[0] ?? '').replace(/\.py$/, '')),
  );
}
