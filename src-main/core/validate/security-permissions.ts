/**
 * Permission checks judged by what they let through: `permission_classes` holding `AllowAny` (by
 * any alias, or OR-ed with something) or nothing at all, `get_permissions()` returning
 * `[AllowAny()]` or `[]` outside a read-only branch, a `has_permission` that always says yes, and
 * authentication turned off on a view that writes.
 */
import { finding, type Finding, type ParsedModule, type PyClass, type PyValue } from './types';

const WRITE_BASES = /Create|Update|Destroy|(^|\.)(ModelViewSet|ViewSet|GenericViewSet|APIView|GenericAPIView)$/;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete', 'create', 'update', 'partial_update', 'destroy']);
const READ_GUARD = /\b(list|retrieve|GET|HEAD|OPTIONS|SAFE_METHODS)\b/;
const WRITE_GUARD = /\b(create|update|partial_update|destroy|POST|PUT|PATCH|DELETE)\b|not \(/;

/** True when a view class accepts writes. */
export function writes(cls: PyClass): boolean {
  const methods = cls.attrs.find((a) => a.name === 'http_method_names');
  if (methods) return (methods.value.items ?? []).some((i) => WRITE_METHODS.has(String(i.v)));
  return cls.bases.some((b) => WRITE_BASES.test(b)) || cls.methods.some((m) => WRITE_METHODS.has(m.name));
}

/** Local name → imported dotted name, so `from rest_framework.permissions import AllowAny as Open` is seen. */
export function importAliases(module: ParsedModule): Map<string, string> {
  const out = new Map<string, string>();
  for (const imp of module.imports) {
    for (const [name, alias] of imp.names) out.set(alias ?? name, imp.module ? `${imp.module}.${name}` : name);
  }
  return out;
}

/** Does this permission value let anyone through (`AllowAny`, `AllowAny()`, `AllowAny | X`, `'...AllowAny'`)? */
export function opensToAnyone(v: PyValue | undefined, aliases: ReadonlyMap<string, string>): boolean {
  if (!v) return false;
  if (v.k === 'binop' && v.op === 'BitOr') return opensToAnyone(v.left, aliases) || opensToAnyone(v.right, aliases);
  const ref = v.k === 'str' ? String(v.v) : v.k === 'name' ? v.name : v.k === 'call' && !v.args?.length ? v.func : null;
  if (!ref) return false;
  const head = ref.split('.')[0] ?? ref;
  const resolved = aliases.has(head) ? `${aliases.get(head)}${ref.slice(head.length)}` : ref;
  return /(^|\.)AllowAny$/.test(resolved);
}

const isSequence = (v: PyValue) => v.k === 'list' || v.k === 'tuple';

/** Security findings on the views and permission classes of one module. */
export function permissionFindings(module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  const aliases = importAliases(module);
  const at = (rule: string, where: { line: number; col: number }, message: string) =>
    out.push(finding('security', 'error', rule, module.path, where, message));
  for (const cls of module.classes) {
    const writable = writes(cls);
    const perms = cls.attrs.find((a) => a.name === 'permission_classes');
    if (perms && writable) {
      const items = isSequence(perms.value) ? (perms.value.items ?? []) : [perms.value];
      if (isSequence(perms.value) && items.length === 0)
        at(
          'security.allow-any-write',
          perms,
          `${cls.name}.permission_classes is empty, so anyone may create, change or delete data.`,
        );
      else if (items.some((i) => opensToAnyone(i, aliases)))
        at('security.allow-any-write', perms, `${cls.name} allows anyone (AllowAny) to create, change or delete data.`);
    }
    const auth = cls.attrs.find((a) => a.name === 'authentication_classes');
    if (auth && writable && isSequence(auth.value) && (auth.value.items ?? []).length === 0)
      at(
        'security.no-authentication',
        auth,
        `${cls.name}.authentication_classes is empty: every request is anonymous.`,
      );
    for (const method of cls.methods) {
      for (const r of method.returns ?? []) {
        const v = r.value;
        const readOnly = READ_GUARD.test(r.guard) && !WRITE_GUARD.test(r.guard);
        if (method.name === 'get_permissions' && writable && !readOnly && isSequence(v)) {
          const items = v.items ?? [];
          if (items.length === 0 || items.some((i) => opensToAnyone(i, aliases)))
            at(
              'security.allow-any-write',
              r,
              `${cls.name}.get_permissions() returns ${items.length === 0 ? 'no permission' : 'AllowAny'}${r.guard ? ` when ${r.guard}` : ''}, so anyone may write.`,
            );
        }
        if (method.name === 'get_authenticators' && writable && isSequence(v) && (v.items ?? []).length === 0)
          at(
            'security.no-authentication',
            r,
            `${cls.name}.get_authenticators() returns no authenticator: every request is anonymous.`,
          );
      }
      const returns = method.returns ?? [];
      const only = returns.length === 1 ? returns[0] : undefined;
      if (
        (method.name === 'has_permission' || method.name === 'has_object_permission') &&
        only &&
        only.guard === '' &&
        only.value.k === 'bool' &&
        only.value.v === true
      )
        at(
          'security.allow-any-write',
          only,
          `${cls.name}.${method.name}() always returns True: it lets anyone through.`,
        );
    }
  }
  return out;
}
