/**
 * Python facts the validator and project naming rely on: hard keywords (never usable as names),
 * and the top-level modules of the standard library, Django and the packages generated projects
 * import. A project or app package named like one of these would shadow it on `sys.path` — Django's
 * own `startproject` refuses such names for the same reason.
 */

/** `keyword.kwlist`. Soft keywords (`match`, `case`, `type`, `_`) are valid attribute names. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** `sys.stdlib_module_names` of CPython 3.11 (public names), plus `test`/`tests`. */
const STDLIB_MODULES =
  'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect ' +
  'builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall ' +
  'concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm ' +
  'decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput ' +
  'fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq ' +
  'hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 ' +
  'linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt ' +
  'multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib ' +
  'pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd ' +
  'py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy ' +
  'sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd ' +
  'sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau ' +
  'symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit ' +
  'tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata ' +
  'unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp ' +
  'zipfile zipimport zlib zoneinfo test tests';

/** Packages every generated project imports (Django, DRF and the optional extras it wires in). */
const THIRD_PARTY_MODULES =
  'django rest_framework rest_framework_simplejwt django_filters drf_spectacular corsheaders environ PIL pip ' +
  'setuptools pkg_resources';

export const RESERVED_MODULE_NAMES: ReadonlySet<string> = new Set(
  `${STDLIB_MODULES} ${THIRD_PARTY_MODULES}`.split(' ').map((n) => n.toLowerCase()),
);

/** App labels of the `django.contrib` apps generated settings install; a second app with the label fails. */
export const DJANGO_CONTRIB_APP_LABELS: ReadonlySet<string> = new Set([
  'admin',
  'auth',
  'contenttypes',
  'sessions',
  'messages',
  'staticfiles',
]);
