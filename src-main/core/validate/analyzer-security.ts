import { NAME_RESOLUTION_SCRIPT } from './analyzer-fold';
import { IMPORT_TIME_SCRIPT } from './analyzer-import-time';

/**
 * The security half of the Python analyzer: an allowlist walk over CPython's syntax tree. It
 * resolves every name to what bound it (an allowed import, a definition of the file, a builtin),
 * so `import os as o`, `from os import system`, `getattr(o, 'sys' + 'tem')` and
 * `builtins.__dict__['ex' + 'ec']` are judged by what they reach, not by how they are spelled.
 * It also says which statements run when the module is imported (anything beyond definitions) and
 * which names `settings` is written through outside settings.py. Judgements are `[rule, line, col,
 * message]`; the policy (`SecurityPolicy`) comes in the request so the TypeScript side owns it.
 */
export const SECURITY_SCRIPT =
  NAME_RESOLUTION_SCRIPT +
  IMPORT_TIME_SCRIPT +
  String.raw`
class SecurityScan(ImportTimeChecks):
    def __init__(self, path, kind, policy, roots, tree):
        self.path, self.kind, self.policy, self.roots = path, kind, policy, roots
        self.out = []
        self.setting_writes = []
        self.origin = {}        # local name -> dotted origin of every import
        self.modules = set()    # local names bound by "import x" (certainly modules)
        self.functions = set()  # module-level def names
        self.classes = set()    # module-level class names
        self.variables = set()  # module-level assigned names
        self.loop_cache = {}
        self.forbidden_attrs = set(policy['forbiddenAttributes'])
        self.file_methods = set(policy['fileMethods'])
        self.pure = set(policy['pureBuiltins'])
        self.const_attrs = set()

    def add(self, rule, node, message):
        self.out.append([rule, getattr(node, 'lineno', 1), getattr(node, 'col_offset', 0) + 1, message])

    # -- imports -------------------------------------------------------------------------------
    def import_rule(self, module):
        p = self.policy
        for denied in p['deniedModules']:
            if module == denied or module.startswith(denied + '.'):
                return p['importRules'].get(denied, 'security.import-not-allowed')
        for denied, kind in p['deniedExcept'].items():
            if (module == denied or module.startswith(denied + '.')) and self.kind != kind:
                return p['importRules'].get(denied, 'security.import-not-allowed')
        root = module.split('.')[0]
        if root in p['packages'] or root in self.roots:
            return None
        for allowed in list(p['stdlib']) + list(p['byKind'].get(self.kind, [])):
            if module == allowed or module.startswith(allowed + '.'):
                return None
        return p['importRules'].get(module) or p['importRules'].get(root) or 'security.import-not-allowed'

    def check_import(self, node, module, names):
        rule = self.import_rule(module)
        if rule:
            self.add(rule, node, 'import of "%s", which a generated Django backend does not need (not on the allowlist for %s).' % (module, self.path))
            return
        for name in names:
            full = module + '.' + name
            sub = self.import_rule(full)
            if sub:
                self.add(sub, node, 'import of "%s", which is not on the allowlist for %s.' % (full, self.path))
            else:
                self.check_chain(node, full, bare=False)

    def visit_Import(self, node):
        for a in node.names:
            self.check_import(node, a.name, [])

    def visit_ImportFrom(self, node):
        if node.level == 0 and node.module:
            self.check_import(node, node.module, [a.name for a in node.names if a.name != '*'])

    # -- names and attributes ------------------------------------------------------------------
    def check_chain(self, node, full, bare):
        """Attribute paths into modules that reach the file system or processes must be on their list."""
        attrs = self.policy['moduleAttributes']
        for module in sorted(attrs, key=len, reverse=True):
            if full == module:
                if bare:
                    self.add('security.dynamic-attribute', node, 'the module %s is used as a value, so what it reaches cannot be judged.' % module)
                return
            if full.startswith(module + '.'):
                rest = full[len(module) + 1:]
                if rest not in attrs[module]:
                    rule = self.policy['importRules'].get(module, 'security.import-not-allowed')
                    if module in ('os', 'sys') and rest.split('.')[0] in ('system', 'popen', 'spawnl', 'execv', 'execl', 'fork', 'kill'):
                        rule = 'security.process'
                    if module == 'sys' and rest.split('.')[0] in ('modules', '_getframe', 'settrace', 'setprofile'):
                        rule = 'security.introspection'
                    self.add(rule, node, '%s is not on the allowlist of %s attributes a generated backend may use.' % (full, module))
                return

    def resolve(self, dotted):
        head, _, rest = dotted.partition('.')
        origin = self.origin.get(head)
        if origin is None:
            return None
        return origin + ('.' + rest if rest else '')

    def visit_Name(self, node):
        rule = self.policy['forbiddenNames'].get(node.id) if isinstance(node.ctx, ast.Load) else None
        if rule and node.id not in self.origin:
            self.add(rule, node, '%s reaches code loading, every name or the file system; a generated backend never needs it.' % node.id)
        elif node.id in ('getattr', 'setattr', 'delattr') and isinstance(node.ctx, ast.Load):
            self.add('security.dynamic-attribute', node, '%s is used as a value, so the attribute it reaches cannot be judged.' % node.id)
        elif isinstance(node.ctx, ast.Load) and node.id in self.origin:
            full = self.resolve(node.id)
            self.check_chain(node, full, bare=True)

    def visit_Attribute(self, node):
        if node.attr in self.forbidden_attrs:
            self.add('security.introspection', node, '.%s walks from an object to the interpreter\'s internals (the sandbox-escape chain).' % node.attr)
        dotted = chain(node)
        if dotted is not None:
            full = self.resolve(dotted)
            if full is not None:
                self.check_chain(node, full, bare=False)
            root = dotted.split('.')[0]
            if self.origin.get(root) == 'django.conf.settings' and isinstance(node.ctx, (ast.Store, ast.Del)) and self.kind != 'settings.py':
                self.setting_writes.append([node.lineno, node.col_offset + 1, dotted])
            # Do not re-check the inner links of a resolved chain; still look for forbidden attributes.
            inner = node.value
            while isinstance(inner, ast.Attribute):
                if inner.attr in self.forbidden_attrs:
                    self.add('security.introspection', inner, '.%s walks from an object to the interpreter\'s internals.' % inner.attr)
                inner = inner.value
            if isinstance(inner, ast.Name):
                rule = self.policy['forbiddenNames'].get(inner.id)
                if rule and inner.id not in self.origin:
                    self.add(rule, inner, '%s reaches code loading, every name or the file system.' % inner.id)
                return ()
            return (inner,)
        return (node.value,)

    def visit_Call(self, node, fn):
        f = node.func
        if isinstance(f, ast.Name) and f.id in ('getattr', 'setattr', 'delattr') and f.id not in self.origin:
            self.check_dynamic(node, f.id, fn)
            return list(node.args) + [k.value for k in node.keywords]
        if isinstance(f, ast.Attribute) and f.attr in self.file_methods and self.resolve(chain(f) or '\0') is None:
            rule = 'security.process' if f.attr in ('system', 'popen', 'getoutput', 'getstatusoutput', 'spawn') else 'security.file-access'
            self.add(rule, node, '.%s() reads, writes or runs something outside the application.' % f.attr)
        return None

    def check_dynamic(self, node, fn, scope):
        target = node.args[0] if node.args else None
        name = fold_str(node.args[1]) if len(node.args) >= 2 else FOLD_FAIL
        if name is FOLD_FAIL:
            arg = node.args[1] if len(node.args) >= 2 else None
            if not (isinstance(arg, ast.Name) and scope is not None and arg.id in self.loop_names(scope)):
                self.add('security.dynamic-attribute', node, '%s() with a computed attribute name: what it reaches cannot be judged.' % fn)
            return
        if name in self.forbidden_attrs or (name.startswith('__') and name.endswith('__') and name not in ('__str__', '__name__', '__doc__')):
            self.add('security.introspection', node, '%s(..., %r) reaches the interpreter\'s internals.' % (fn, name))
            return
        head = root_name(target) if target is not None else None
        dotted = chain(target) if target is not None else None
        full = self.resolve(dotted) if dotted else None
        if full is not None:
            self.check_chain(node, full + '.' + name, bare=False)
        if isinstance(target, ast.Name) and target.id in self.modules:
            self.add('security.dynamic-attribute', node, '%s() on the module %s: use the attribute directly.' % (fn, target.id))
        elif fn in ('setattr', 'delattr') and head and self.origin.get(head) == 'django.conf.settings' and self.kind != 'settings.py':
            self.setting_writes.append([node.lineno, node.col_offset + 1, 'settings.' + name])

    # -- loops whose variable only takes constant identifiers ----------------------------------
    def prepare(self, tree):
        """One pass: import bindings, assigned names, and class attributes always bound to constant identifiers."""
        good, bad = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Store):
                    self.variables.add(node.id)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    local = a.asname or a.name.split('.')[0]
                    self.origin[local] = a.name if a.asname else local
                    self.modules.add(local)
            elif isinstance(node, ast.ImportFrom):
                for a in node.names:
                    base = ('.' * node.level) + (node.module or '')
                    self.origin[a.asname or a.name] = base + '.' + a.name if base else a.name
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign):
                        for t in stmt.targets:
                            if isinstance(t, ast.Name):
                                v = stmt.value
                                ok = isinstance(v, (ast.List, ast.Tuple)) and all(
                                    isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isidentifier()
                                    and not e.value.startswith('__') for e in v.elts)
                                (good if ok else bad).add(t.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
                bad.add(node.attr)
        self.const_attrs = good - bad

    def safe_iter(self, it):
        if isinstance(it, ast.Subscript) and isinstance(it.slice, ast.Slice):
            it = it.value
        if isinstance(it, ast.Attribute) and isinstance(it.value, ast.Name) and it.value.id in ('self', 'cls'):
            return it.attr in self.const_attrs
        return isinstance(it, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isidentifier() and not e.value.startswith('__') for e in it.elts)

    def loop_names(self, node):
        """Names in function node bound only by loops over constant identifiers (computed when first needed)."""
        cached = self.loop_cache.get(id(node))
        if cached is not None:
            return cached
        stores, safe = {}, set()
        for sub in ast.walk(node):
            if isinstance(sub, (ast.For, ast.comprehension)) and isinstance(sub.target, ast.Name) and self.safe_iter(sub.iter):
                safe.add(sub.target.id)
                stores[id(sub.target)] = True
        unsafe = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and id(n) not in stores}
        unsafe |= {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
        self.loop_cache[id(node)] = safe - unsafe
        return safe - unsafe

    def run(self, tree):
        for stmt in tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.add(stmt.name)
            elif isinstance(stmt, ast.ClassDef):
                self.classes.add(stmt.name)
        # Imports first, so names resolve wherever they are used.
        self.prepare(tree)
        self.variables -= self.functions
        self.check_body(tree.body, 'module', self.kind == 'settings.py')
        self.walk(tree)
        return self.out, self.setting_writes

    def walk(self, tree):
        stack = [(node, None) for node in reversed(tree.body)]
        while stack:
            node, fn = stack.pop()
            t = type(node)
            if t is ast.Name:
                self.visit_Name(node)
                continue
            if t is ast.Attribute:
                stack.extend((c, fn) for c in self.visit_Attribute(node))
                continue
            if t is ast.Import:
                self.visit_Import(node)
                continue
            if t is ast.ImportFrom:
                self.visit_ImportFrom(node)
                continue
            if t is ast.Call:
                only = self.visit_Call(node, fn)
                if only is not None:
                    stack.extend((c, fn) for c in only)
                    continue
            elif t is ast.FunctionDef or t is ast.AsyncFunctionDef:
                fn = node
            for field in node._fields:
                child = getattr(node, field, None)
                if type(child) is list:
                    stack.extend((item, fn) for item in child if isinstance(item, ast.AST) and type(item) not in SKIP)
                elif isinstance(child, ast.AST) and type(child) not in SKIP:
                    stack.append((child, fn))


def security_scan(path, kind, policy, roots, tree):
    out, writes = SecurityScan(path, kind, policy, roots, tree).run(tree)
    seen, unique = set(), []
    for f in out:
        key = (f[0], f[1], f[2])
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, writes
`;
