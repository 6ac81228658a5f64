/**
 * The security layer. Its core is an allowlist over the syntax tree (the analyzer's scan: imports,
 * names, attributes and what runs at import time, see `analyzer-security.ts`); on top, settings
 * judged by value, permissions by what they let through, and the sinks a reviewer must not miss
 * (CSRF exemption, SQL built from strings, unsafe deserialisation, shells).
 */
import { permissionFindings } from './security-permissions';
import { settingsValueFindings } from './security-settings';
import { finding, type Finding, type ParsedModule, type PyCall, type PyValue } from './types';

const SQL_SINKS = new Set(['execute', 'executemany', 'raw', 'RawSQL', 'extra']);
const SHELL_CALLS = new Set(['run', 'call', 'Popen', 'check_output', 'check_call']);

const has = (value: PyValue | undefined, test: (v: PyValue) => boolean): boolean =>
  !!value && (test(value) || (value.items ?? []).some(test) || (value.values ?? []).some(test));

function csrfFindings(module: ParsedModule): Finding[] {
  const out: Finding[] = [];
  for (const cls of module.classes) {
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
    const fieldsAll = cls.meta?.attrs.fields;
    if (
      fieldsAll?.value.k === 'str' &&
      fieldsAll.value.v === '__all__' &&
      cls.bases.some((b) => /Serializer$/.test(b))
    ) {
      out.push(
        finding(
          'security',
          'warning',
          'security.fields-all',
          module.path,
          fieldsAll,
          `${cls.name}.Meta.fields = '__all__' exposes every current and future model field; list the fields.`,
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
  if (/^(c?pickle|dill|marshal|shelve)\.(loads?|open)$/.test(func))
    return at('security.pickle', `${func}() can run arbitrary code while loading untrusted data.`);
  if (func === 'yaml.unsafe_load' || (func === 'yaml.load' && !/Safe/.test(c.kw.Loader?.src ?? c.args[1]?.src ?? ''))) {
    return at(
      'security.yaml-load',
      `${func}() without SafeLoader can construct arbitrary Python objects; use yaml.safe_load.`,
    );
  }
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

/**
 * The allowlist scan's judgements as findings. A module the scan did not judge (the analyzer gave
 * up on its depth) gets an error of its own: an unjudged file is never approved.
 */
function allowlistFindings(module: ParsedModule): Finding[] {
  if (!module.security) {
    return [
      finding(
        'security',
        'error',
        'security.unjudged',
        module.path,
        { line: 1 },
        'The allowlist scan could not judge this file (nested too deeply), so it cannot be approved without a review.',
      ),
    ];
  }
  return module.security.map(([rule, line, col, message]) =>
    finding('security', 'error', rule, module.path, { line, col }, message),
  );
}

/** Every security finding of one module. */
export function securityFindings(module: ParsedModule): Finding[] {
  const out = [
    ...allowlistFindings(module),
    ...settingsValueFindings(module),
    ...permissionFindings(module),
    ...csrfFindings(module),
  ];
  for (const c of module.calls) {
    const f = callFinding(module, c);
    if (f) out.push(f);
  }
  return out;
}
