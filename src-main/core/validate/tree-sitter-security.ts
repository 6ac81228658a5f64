/**
 * The allowlist scan of `analyzer-security.ts` over tree-sitter's tree, for hosts without Python:
 * the same policy, the same resolution of names to what bound them, the same rule ids, so the
 * fallback never approves what the CPython path rejects.
 */
import type { Node } from 'web-tree-sitter';
import { type FileKind, SECURITY_POLICY as P } from './security-policy';
import { named, pos } from './tree-sitter-value';
import type { PyJudgement } from './types';

const FAIL = Symbol('fail');
const PROCESS_ATTRS = /^(system|popen|spawnl|execv|execl|fork|kill)$/;
const STR_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'lower', 'upper', 'title', 'capitalize']);

/** The constant string a node always evaluates to, or FAIL. */
export function foldStr(n: Node | null): string | typeof FAIL {
  if (!n) return FAIL;
  if (n.type === 'parenthesized_expression') return foldStr(named(n)[0] ?? null);
  if (n.type === 'string' || n.type === 'concatenated_string') {
    let text = '';
    for (const part of n.type === 'string' ? [n] : named(n)) {
      if (/^[a-zA-Z]*[bB]/.test(part.text)) return FAIL;
      for (const c of named(part)) {
        if (c.type === 'interpolation') {
          const inner = foldStr(c.childForFieldName('expression'));
          if (inner === FAIL) return FAIL;
          text += inner;
        } else if (c.type === 'string_content') text += c.text;
        else if (c.type === 'escape_sequence') return FAIL;
      }
    }
    return text;
  }
  if (n.type === 'binary_operator') {
    const op = n.childForFieldName('operator')?.text;
    const a = foldStr(n.childForFieldName('left'));
    const right = n.childForFieldName('right');
    if (op === '+') {
      const b = foldStr(right);
      return a === FAIL || b === FAIL ? FAIL : a + b;
    }
    const times = right?.type === 'integer' ? Number(right.text) : NaN;
    return op === '*' && a !== FAIL && times >= 0 && times < 100 ? a.repeat(times) : FAIL;
  }
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const args = named(n.childForFieldName('arguments'));
    if (fn?.type !== 'attribute' || args.some((a) => a.type === 'keyword_argument')) return FAIL;
    const recv = foldStr(fn.childForFieldName('object'));
    const method = fn.childForFieldName('attribute')?.text ?? '';
    if (recv === FAIL) return FAIL;
    if (method === 'join' && args.length === 1 && (args[0]?.type === 'list' || args[0]?.type === 'tuple')) {
      const items = named(args[0]).map(foldStr);
      return items.includes(FAIL) ? FAIL : (items as string[]).join(recv);
    }
    if (STR_METHODS.has(method) && args.length === 0) {
      if (method.endsWith('strip'))
        return method === 'strip' ? recv.trim() : method === 'lstrip' ? recv.trimStart() : recv.trimEnd();
      if (method === 'lower') return recv.toLowerCase();
      if (method === 'upper') return recv.toUpperCase();
      return FAIL;
    }
    if (method === 'replace' && args.length === 2) {
      const [a, b] = args.map(foldStr);
      return typeof a === 'string' && typeof b === 'string' ? recv.split(a).join(b) : FAIL;
    }
  }
  return FAIL;
}

/** `a.b.c` for an identifier/attribute chain, following `getattr(x, 'const')` as `x.const`. */
export function chainOf(n: Node | null): string | null {
  const parts: string[] = [];
  let cur = n;
  while (cur) {
    if (cur.type === 'attribute') {
      parts.push(cur.childForFieldName('attribute')?.text ?? '');
      cur = cur.childForFieldName('object');
    } else if (cur.type === 'call' && cur.childForFieldName('function')?.text === 'getattr') {
      const args = named(cur.childForFieldName('arguments'));
      const name = args.length >= 2 ? foldStr(args[1] ?? null) : FAIL;
      if (name === FAIL) return null;
      parts.push(name);
      cur = args[0] ?? null;
    } else if (cur.type === 'identifier') {
      parts.push(cur.text);
      return parts.reverse().join('.');
    } else return null;
  }
  return null;
}

/** The name a call/attribute/subscript chain starts from; '' for a literal, null otherwise. */
export function rootName(n: Node | null): string | null {
  let cur = n;
  while (cur) {
    if (cur.type === 'attribute') cur = cur.childForFieldName('object');
    else if (cur.type === 'call') cur = cur.childForFieldName('function');
    else if (cur.type === 'subscript') cur = cur.childForFieldName('value');
    else if (cur.type === 'binary_operator') cur = cur.childForFieldName('left');
    else if (cur.type === 'parenthesized_expression') cur = named(cur)[0] ?? null;
    else if (cur.type === 'identifier') return cur.text;
    else if (/^(string|concatenated_string|list|tuple|dictionary|set|integer|float)$/.test(cur.type)) return '';
    else return null;
  }
  return null;
}

export interface ScanContext {
  path: string;
  kind: FileKind;
  roots: ReadonlySet<string>;
}

/** The judgements import statements, names, attributes and calls get; see `scanBodies` for import-time code. */
export class TreeSitterScan {
  readonly out: PyJudgement[] = [];
  readonly settingWrites: [number, number, string][] = [];
  readonly origin = new Map<string, string>();
  readonly modules = new Set<string>();

  constructor(readonly ctx: ScanContext) {}

  add(rule: string, n: Node, message: string): void {
    const p = pos(n);
    this.out.push([rule, p.line, p.col, message]);
  }

  importRule(module: string): string | null {
    const rule = (m: string) => P.importRules[m] ?? 'security.import-not-allowed';
    for (const denied of P.deniedModules) if (module === denied || module.startsWith(`${denied}.`)) return rule(denied);
    for (const [denied, kind] of Object.entries(P.deniedExcept))
      if ((module === denied || module.startsWith(`${denied}.`)) && this.ctx.kind !== kind) return rule(denied);
    const root = module.split('.')[0] ?? module;
    if (P.packages.includes(root) || this.ctx.roots.has(root)) return null;
    for (const allowed of [...P.stdlib, ...P.byKind[this.ctx.kind]])
      if (module === allowed || module.startsWith(`${allowed}.`)) return null;
    return P.importRules[module] ?? P.importRules[root] ?? 'security.import-not-allowed';
  }

  bindImports(root: Node): void {
    for (const n of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
      if (!n) continue;
      const mod = n.childForFieldName('module_name');
      const base = mod ? mod.text : '';
      for (const c of n.childrenForFieldName('name')) {
        if (!c) continue;
        const name = (c.type === 'aliased_import' ? c.childForFieldName('name')?.text : c.text) ?? '';
        const alias = c.type === 'aliased_import' ? (c.childForFieldName('alias')?.text ?? null) : null;
        if (n.type === 'import_statement') {
          const local = alias ?? name.split('.')[0] ?? name;
          this.origin.set(local, alias ? name : local);
          this.modules.add(local);
        } else this.origin.set(alias ?? name, base ? `${base}.${name}` : name);
      }
    }
  }

  checkImport(n: Node): void {
    const mod = n.childForFieldName('module_name');
    const names = n.childrenForFieldName('name').filter((c): c is Node => c !== null);
    const nameOf = (c: Node) => (c.type === 'aliased_import' ? c.childForFieldName('name')?.text : c.text) ?? '';
    const judge = (module: string, members: string[]) => {
      const rule = this.importRule(module);
      if (rule) {
        this.add(
          rule,
          n,
          `import of "${module}", which a generated Django backend does not need (not on the allowlist for ${this.ctx.path}).`,
        );
        return;
      }
      for (const m of members) {
        const full = `${module}.${m}`;
        const sub = this.importRule(full);
        if (sub) this.add(sub, n, `import of "${full}", which is not on the allowlist for ${this.ctx.path}.`);
        else this.checkChain(n, full, false);
      }
    };
    if (n.type === 'import_statement') for (const c of names) judge(nameOf(c), []);
    else if (mod && mod.type !== 'relative_import') judge(mod.text, names.map(nameOf));
  }

  checkChain(n: Node, full: string, bare: boolean): void {
    const attrs = P.moduleAttributes;
    for (const module of Object.keys(attrs).sort((a, b) => b.length - a.length)) {
      if (full === module) {
        if (bare)
          this.add(
            'security.dynamic-attribute',
            n,
            `the module ${module} is used as a value, so what it reaches cannot be judged.`,
          );
        return;
      }
      if (!full.startsWith(`${module}.`)) continue;
      const rest = full.slice(module.length + 1);
      if ((attrs[module] ?? []).includes(rest)) return;
      let rule = P.importRules[module] ?? 'security.import-not-allowed';
      const first = rest.split('.')[0] ?? '';
      if ((module === 'os' || module === 'sys') && PROCESS_ATTRS.test(first)) rule = 'security.process';
      if (module === 'sys' && /^(modules|_getframe|settrace|setprofile)$/.test(first)) rule = 'security.introspection';
      this.add(rule, n, `${full} is not on the allowlist of ${module} attributes a generated backend may use.`);
      return;
    }
  }

  resolve(chain: string): string | null {
    const dot = chain.indexOf('.');
    const head = dot < 0 ? chain : chain.slice(0, dot);
    const origin = this.origin.get(head);
    return origin === undefined ? null : origin + (dot < 0 ? '' : chain.slice(dot));
  }
}
