/**
 * Settings judged by value, not by spelling: every assignment of a security-relevant setting (at
 * module level or inside module-level `if`s) is folded to what it evaluates to when the
 * environment sets nothing, so `SECRET_KEY = 'a' + 'b'`, an `environ.get` fallback,
 * `DEBUG = bool(1)`, `ALLOWED_HOSTS = ['*'.strip()]` and a weak hasher are seen for what they are.
 */
import { UNKNOWN, fold, strings, truthy, type Folded, type NameTable } from './py-fold';
import { finding, type Finding, type ParsedModule, type PyAttr, type PyBranchAssign, type PyValue } from './types';

const CREDENTIAL_NAME = /(^|_)(PASSWORD|SECRET|API_KEY|TOKEN|PRIVATE_KEY)$/;
const WEAK_HASHER = /(^|\.)(Unsalted)?(MD5|SHA1)PasswordHasher$|(^|\.)CryptPasswordHasher$/;

/** Where an assignment runs: always, never (a constant-false branch), or under a condition. */
type Reach = 'always' | 'never' | 'conditional';

function reach(a: PyAttr | PyBranchAssign, names: NameTable): Reach {
  if (!('conds' in a)) return 'always';
  let all = true;
  for (const [test, branch] of a.conds) {
    const t = truthy(fold(test, names));
    if (t === UNKNOWN) all = false;
    else if (t !== branch) return 'never';
  }
  return all ? 'always' : 'conditional';
}

const dictGet = (value: PyValue | undefined, key: string): PyValue | undefined => {
  const i = value?.keys?.indexOf(key) ?? -1;
  return i >= 0 ? value?.values?.[i] : undefined;
};

const isAllowAnyPath = (s: string) => /(^|\.)AllowAny$/.test(s);

function judge(module: ParsedModule, a: PyAttr, guarded: boolean, names: NameTable): Finding | null {
  const at = (severity: 'error' | 'warning', rule: string, message: string) =>
    finding('security', severity, rule, module.path, a, message);
  const value: Folded = fold(a.value, names);
  if (value === UNKNOWN && a.name !== 'REST_FRAMEWORK' && a.name !== 'PASSWORD_HASHERS') return null;
  switch (a.name) {
    case 'SECRET_KEY':
      if (typeof value !== 'string' || value.length === 0) return null;
      // A development-only key behind `if not (DEBUG or ...): raise`: production fails loudly instead.
      if (guarded && value.startsWith('django-insecure-')) return null;
      return at(
        'error',
        'security.hardcoded-secret-key',
        `SECRET_KEY evaluates to a constant (${value.length} characters) when the environment does not set it; read it from the environment with no literal fallback.`,
      );
    case 'DEBUG':
      return truthy(value) === true
        ? at(
            'error',
            'security.debug-true',
            `DEBUG evaluates to ${JSON.stringify(value)}, which is true, when the environment does not set it; default to False.`,
          )
        : null;
    case 'ALLOWED_HOSTS':
      return strings(value).some((h) => h.includes('*'))
        ? at('error', 'security.allowed-hosts-wildcard', "ALLOWED_HOSTS contains '*', which accepts any Host header.")
        : null;
    case 'CORS_ALLOW_ALL_ORIGINS':
    case 'CORS_ORIGIN_ALLOW_ALL':
      return truthy(value) === true
        ? at(
            'warning',
            'security.cors-allow-all',
            `${a.name} is true: every website may call the API with the user's credentials.`,
          )
        : null;
    case 'CORS_ALLOWED_ORIGINS':
    case 'CORS_ORIGIN_WHITELIST':
      return strings(value).includes('*') ? at('warning', 'security.cors-allow-all', `${a.name} contains '*'.`) : null;
    case 'PASSWORD_HASHERS': {
      const weak = (a.value.items ?? [])
        .map((i) => fold(i, names))
        .find((h) => typeof h === 'string' && WEAK_HASHER.test(h));
      return typeof weak === 'string'
        ? at(
            'error',
            'security.weak-password-hasher',
            `PASSWORD_HASHERS includes ${weak.split('.').pop()}, which stores passwords with a fast, broken hash.`,
          )
        : null;
    }
    case 'REST_FRAMEWORK': {
      const perms = fold(dictGet(a.value, 'DEFAULT_PERMISSION_CLASSES'), names);
      const open = Array.isArray(perms) && (perms.length === 0 || strings(perms).some(isAllowAnyPath));
      return open
        ? at(
            'warning',
            'security.allow-any-default',
            'DEFAULT_PERMISSION_CLASSES is empty or includes AllowAny: every view without its own permissions is public.',
          )
        : null;
    }
    default:
      return CREDENTIAL_NAME.test(a.name) && typeof value === 'string' && value.length > 0
        ? at(
            'warning',
            'security.hardcoded-credential',
            `${a.name} is a literal credential in source; read it from the environment.`,
          )
        : null;
  }
}

/** Findings for every security-relevant setting assigned in `module`, judged by value. */
export function settingsValueFindings(module: ParsedModule): Finding[] {
  const names: NameTable = new Map(module.assigns.map((a) => [a.name, a.value]));
  const out: Finding[] = [];
  const all: (PyAttr | PyBranchAssign)[] = [...module.assigns, ...(module.branchAssigns ?? [])];
  for (const a of all) {
    if (reach(a, names) === 'never') continue;
    const f = judge(module, a, 'guarded' in a && a.guarded, names);
    if (f) out.push(f);
  }
  return out;
}
