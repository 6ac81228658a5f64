/**
 * Security smells a reviewer must not miss: secrets in source, DEBUG on, any host, open CORS,
 * `AllowAny` on endpoints that write, `csrf_exempt`, SQL built from strings, code execution
 * (`eval`, `exec`, pickle, unsafe YAML) and shells.
 */
import { finding, type Finding, type ParsedModule, type PyCall, type PyClass, type PyValue } from './types';

const CREDENTIAL_NAME = /(^|_)(PASSWORD|SECRET|API_KEY|TOKEN|PRIVATE_KEY)$/;
const WRITE_BASES = /Create|Update|Destroy|(^|\.)(ModelViewSet|ViewSet|GenericViewSet|APIView|GenericAPIView)$/;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete', 'create', 'update', 'partial_update', 'destroy']);
const SQL_SINKS = new Set(['execute', 'executemany', 'raw', 'RawSQL', 'extra']);
const SHELL_CALLS = new Set(['run', 'call', 'Popen', 'check_output', 'check_call']);

const has = (value: PyValue | undefined, test: (v: PyValue) => boolean): boolean =>
  !!value && (test(value) || (value.items ?? []).some(test) || (value.values ?? []).some(test));
const isStar = (v: PyValue) => v.k === 'str' && v.v === '*';
const isAllowAny = (v: PyValue) => /(^|\.)AllowAny$/.test(v.k === 'str' ? String(v.v) : (v.name ?? v.src));

function settingsFindings(module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const a of module.assigns) {
    const v = a.value;
    if (a.name === 'SECRET_KEY' && v.k === 'str') {
      out.push(
        finding(
          'security',
          'error',
          'security.hardcoded-secret-key',
          module.path,
          a,
          'SECRET_KEY is a literal in source; read it from the environment.',
        ),
      );
    } else if (a.name !== 'SECRET_KEY' && CREDENTIAL_NAME.test(a.name) && v.k === 'str' && String(v.v).length > 0) {
      out.push(
        finding(
          'security',
          'warning',
          'security.hardcoded-credential',
          module.path,
          a,
          `${a.name} is a literal credential in source; read it from the environment.`,
        ),
      );
    } else if (a.name === 'DEBUG' && v.k === 'bool' && v.v === true) {
      out.push(
        finding(
          'security',
          'error',
          'security.debug-true',
          module.path,
          a,
          'DEBUG = True is hard-coded; read it from the environment with a False default.',
        ),
      );
    } else if (a.name === 'ALLOWED_HOSTS' && has(v, isStar)) {
      out.push(
        finding(
          'security',
          'warning',
          'security.allowed-hosts-wildcard',
          module.path,
          a,
          "ALLOWED_HOSTS contains '*', which accepts any Host header.",
        ),
      );
    } else if (
      (a.name === 'CORS_ALLOW_ALL_ORIGINS' || a.name === 'CORS_ORIGIN_ALLOW_ALL') &&
      v.k === 'bool' &&
      v.v === true
    ) {
      out.push(
        finding(
          'security',
          'warning',
          'security.cors-allow-all',
          module.path,
          a,
          `${a.name} = True lets every website call the API with the user's credentials.`,
        ),
      );
    } else if ((a.name === 'CORS_ALLOWED_ORIGINS' || a.name === 'CORS_ORIGIN_WHITELIST') && has(v, isStar)) {
      out.push(finding('security', 'warning', 'security.cors-allow-all', module.path, a, `${a.name} contains '*'.`));
    } else if (a.name === 'REST_FRAMEWORK' && v.k === 'dict') {
      const i = v.keys?.indexOf('DEFAULT_PERMISSION_CLASSES') ?? -1;
      if (i >= 0 && has(v.values?.[i], isAllowAny)) {
        out.push(
          finding(
            'security',
            'warning',
            'security.allow-any-default',
            module.path,
            a,
            'DEFAULT_PERMISSION_CLASSES includes AllowAny: every view without its own permissions is public.',
          ),
        );
      }
    }
  }
  return out;
}

function writes(cls: PyClass): boolean {
  const methods = cls.attrs.find((a) => a.name === 'http_method_names');
  if (methods) return (methods.value.items ?? []).some((i) => WRITE_METHODS.has(String(i.v)));
  return cls.bases.some((b) => WRITE_BASES.test(b)) || cls.methods.some((m) => WRITE_METHODS.has(m.name));
}

function viewFindings(module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const cls of module.classes) {
    const perms = cls.attrs.find((a) => a.name === 'permission_classes');
    if (perms && has(perms.value, isAllowAny) && writes(cls)) {
      out.push(
        finding(
          'security',
          'error',
          'security.allow-any-write',
          module.path,
          perms,
          `${cls.name} allows anyone (AllowAny) to create, change or delete data.`,
        ),
      );
    }
    if (cls.decorators.some((d) => /csrf_exempt/.test(d.src))) {
      out.push(
        finding(
          'security',
          'error',
          'security.csrf-exempt',
          module.path,
          cls,
          `${cls.name} is csrf_exempt, which disables CSRF protection for session-authenticated users.`,
        ),
      );
    }
  }
  for (const fn of module.functions) {
    const decorators = fn.decorators.map((d) => d.src).join(' ');
    if (/csrf_exempt/.test(decorators)) {
      out.push(
        finding(
          'security',
          'error',
          'security.csrf-exempt',
          module.path,
          fn,
          `${fn.name}() is csrf_exempt, which disables CSRF protection for session-authenticated users.`,
        ),
      );
    }
    if (/AllowAny/.test(decorators) && /api_view\([^)]*(POST|PUT|PATCH|DELETE)/i.test(decorators)) {
      out.push(
        finding(
          'security',
          'error',
          'security.allow-any-write',
          module.path,
          fn,
          `${fn.name}() allows anyone (AllowAny) to send writes.`,
        ),
      );
    }
  }
  return out;
}

const built = (v: PyValue | undefined): boolean =>
  !!v &&
  (v.k === 'fstring' ||
    (v.k === 'binop' && (v.op === 'Add' || v.op === 'Mod')) ||
    (v.k === 'call' && v.attr === 'format'));

function callFinding(module: ParsedModule, c: PyCall): Finding | null {
  const func = c.func ?? '';
  const at = (rule: string, message: string) => finding('security', 'error', rule, module.path, c, message);
  if (c.attr === 'csrf_exempt')
    return at('security.csrf-exempt', 'csrf_exempt(...) disables CSRF protection for this view.');
  if (func === 'eval' || func === 'exec' || func === 'builtins.eval' || func === 'builtins.exec') {
    return at('security.eval', `${func}() runs arbitrary code.`);
  }
  if (/^(c?pickle|dill|marshal|shelve)\.(loads?|open)$/.test(func))
    return at('security.pickle', `${func}() can run arbitrary code while loading untrusted data.`);
  if (func === 'yaml.unsafe_load' || (func === 'yaml.load' && !/Safe/.test(c.kw.Loader?.src ?? c.args[1]?.src ?? ''))) {
    return at(
      'security.yaml-load',
      `${func}() without SafeLoader can construct arbitrary Python objects; use yaml.safe_load.`,
    );
  }
  if (func === 'os.system' || func === 'os.popen')
    return at('security.shell', `${func}() runs its argument through a shell.`);
  if (SHELL_CALLS.has(c.attr) && c.kw.shell?.k === 'bool' && c.kw.shell.v === true) {
    return at('security.shell', `${func || c.attr}(..., shell=True) lets text in the command run as shell code.`);
  }
  if (
    SQL_SINKS.has(c.attr) &&
    (built(c.args[0]) || built(c.kw.sql) || built(c.kw.raw_query) || has(c.kw.where, built) || has(c.kw.select, built))
  ) {
    return at(
      'security.raw-sql',
      `SQL passed to ${c.attr}() is built from strings (f-string, + or %); pass parameters separately.`,
    );
  }
  return null;
}

/** Every security finding of one module. */
export function securityFindings(module: ParsedModule): Finding[] {
  const out = [...settingsFindings(module), ...viewFindings(module)];
  for (const c of module.calls) {
    const f = callFinding(module, c);
    if (f) out.push(f);
  }
  return out;
}
