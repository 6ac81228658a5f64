/**
 * The part of the allowlist scan that says what runs when a module is imported (or a class is
 * created): only definitions, imports, constants and calls of allowed imports belong at module and
 * class level; anything else — a loop, a print, a call of a local helper, a local decorator —
 * runs inside `manage.py check` before any test does. A base class of `SecurityScan`, which
 * provides `add`, `origin`, `functions`, `classes`, `variables`, `pure` and `kind`.
 */
export const IMPORT_TIME_SCRIPT = String.raw`
def is_docstring(stmt):
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def is_main_guard(stmt):
    t = stmt.test if isinstance(stmt, ast.If) else None
    return (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == '__name__'
            and len(t.comparators) == 1 and isinstance(t.comparators[0], ast.Constant) and t.comparators[0].value == '__main__')


class ImportTimeChecks:
    def callee_ok(self, call, local_calls):
        head = root_name(call.func)
        if head == '' or head in self.origin or head in self.classes or head in self.variables:
            return True
        if head in self.functions:
            return local_calls
        return head in self.pure

    def expr_ok(self, node, local_calls):
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, ast.Lambda):
                continue
            if isinstance(n, ast.Call) and not self.callee_ok(n, local_calls):
                return n
            stack.extend(ast.iter_child_nodes(n))
        return None

    def decorators_ok(self, node):
        for d in node.decorator_list:
            head = root_name(d)
            if not (head in self.origin or head in ('property', 'staticmethod', 'classmethod')):
                self.add('security.module-code', d, 'the decorator %s is not an allowed import: it runs when the module is imported.' % src(d, 60))
            bad = self.expr_ok(d, False)
            if bad is not None:
                self.add('security.module-code', bad, '%s runs when the module is imported.' % src(bad, 60))

    def check_body(self, body, where, local_calls):
        rule = 'security.module-code' if where == 'module' else 'security.class-body-code'
        for stmt in body:
            if is_docstring(stmt) or isinstance(stmt, (ast.Import, ast.ImportFrom, ast.Pass)):
                continue
            if isinstance(stmt, ast.ClassDef):
                self.decorators_ok(stmt)
                for b in stmt.bases + [k.value for k in stmt.keywords]:
                    bad = self.expr_ok(b, False)
                    if bad is not None:
                        self.add(rule, bad, '%s runs when the class is created.' % src(bad, 60))
                self.check_body(stmt.body, 'class', False)
                continue
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.decorators_ok(stmt)
                for d in stmt.args.defaults + [d for d in stmt.args.kw_defaults if d is not None]:
                    bad = self.expr_ok(d, False)
                    if bad is not None:
                        self.add(rule, bad, 'the default %s runs when the function is defined.' % src(bad, 60))
                continue
            value = getattr(stmt, 'value', None) if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else None
            if value is not None or isinstance(stmt, ast.AnnAssign):
                bad = self.expr_ok(value, local_calls) if value is not None else None
                if bad is not None:
                    self.add(rule, bad, '%s is called while the %s is %s; only definitions and constants belong there.' % (
                        src(bad, 60), 'module' if where == 'module' else 'class', 'imported' if where == 'module' else 'created'))
                continue
            if where == 'module' and isinstance(stmt, ast.If):
                if is_main_guard(stmt):
                    continue
                bad = self.expr_ok(stmt.test, local_calls)
                if bad is not None:
                    self.add(rule, bad, '%s runs when the module is imported.' % src(bad, 60))
                self.check_body(stmt.body + stmt.orelse, where, local_calls)
                continue
            if where == 'module' and isinstance(stmt, ast.Try) and self.import_fallback(stmt):
                continue
            if where == 'module' and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                bad = self.expr_ok(stmt.value, local_calls)
                if bad is None and root_name(stmt.value.func) not in self.functions:
                    continue
            if where == 'module' and isinstance(stmt, ast.Raise) and self.kind == 'settings.py':
                continue
            self.add(rule, stmt, 'a %s statement at %s level runs when the %s; only definitions belong there.' % (
                type(stmt).__name__, where, 'module is imported' if where == 'module' else 'class is created'))

    def import_fallback(self, stmt):
        if not all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in stmt.body) or stmt.orelse or stmt.finalbody:
            return False
        for h in stmt.handlers:
            names = [h.type] if not isinstance(h.type, ast.Tuple) else h.type.elts
            if not all(isinstance(n, ast.Name) and n.id in ('ImportError', 'ModuleNotFoundError') for n in names):
                return False
            if not all(isinstance(s, ast.Pass) or (isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant)) for s in h.body):
                return False
        return True


`;
