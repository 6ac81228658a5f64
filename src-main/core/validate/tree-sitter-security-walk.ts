/**
 * The walk of the tree-sitter allowlist scan: names, attributes and calls everywhere, and the
 * statements that run at import time (module and class bodies) — the same judgements as
 * `SecurityScan` in `analyzer-security.ts`.
 */
import type { Node } from 'web-tree-sitter';
import { SECURITY_POLICY as P } from './security-policy';
import { ImportTimeScan } from './tree-sitter-import-time';
import { chainOf, foldStr, rootName, type ScanContext } from './tree-sitter-security';
import { named } from './tree-sitter-value';
import type { PyJudgement } from './types';

const DYNAMIC = new Set(['getattr', 'setattr', 'delattr']);
const FORBIDDEN_ATTRS = new Set(P.forbiddenAttributes);
const FILE_METHODS = new Set(P.fileMethods);
const NOT_A_READ = new Set([
  'function_definition',
  'class_definition',
  'parameters',
  'lambda_parameters',
  'typed_parameter',
  'list_splat_pattern',
  'dictionary_splat_pattern',
  'global_statement',
  'nonlocal_statement',
  'dotted_name',
  'aliased_import',
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'as_pattern_target',
]);

const isField = (parent: Node | null, field: string, n: Node) => parent?.childForFieldName(field)?.id === n.id;

/** True when `n` is written, not read (`x = …`, `for x in …`, `del x`). */
function isStore(n: Node): boolean {
  let cur: Node = n;
  let p = cur.parent;
  while (p && (p.type === 'pattern_list' || p.type === 'tuple_pattern' || p.type === 'list_pattern')) {
    cur = p;
    p = p.parent;
  }
  if (!p) return false;
  if ((p.type === 'assignment' || p.type === 'augmented_assignment') && isField(p, 'left', cur)) return true;
  if ((p.type === 'for_statement' || p.type === 'for_in_clause') && isField(p, 'left', cur)) return true;
  return p.type === 'delete_statement';
}

function identifierRead(n: Node): boolean {
  const p = n.parent;
  if (!p || NOT_A_READ.has(p.type)) return false;
  if (p.type === 'attribute' && isField(p, 'attribute', n)) return false;
  if (p.type === 'keyword_argument' && isField(p, 'name', n)) return false;
  if ((p.type === 'default_parameter' || p.type === 'typed_default_parameter') && isField(p, 'name', n)) return false;
  return !isStore(n);
}

const constantIdentifiers = (n: Node | null) =>
  !!n &&
  (n.type === 'list' || n.type === 'tuple') &&
  named(n).every((e) => {
    const s = foldStr(e);
    return typeof s === 'string' && /^[A-Za-z_]\w*$/.test(s) && !s.startsWith('__');
  });

class Walk extends ImportTimeScan {
  private constAttrs = new Set<string>();
  private safe: Set<string>[] = [new Set()];

  run(root: Node): void {
    this.bindImports(root);
    this.prepare(root);
    this.checkBody(named(root), 'module', this.ctx.kind === 'settings.py');
    this.visit(root);
  }

  private prepare(root: Node): void {
    const good = new Set<string>();
    const bad = new Set<string>();
    for (const stmt of named(root)) {
      const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      const name = def?.childForFieldName('name')?.text;
      if (def?.type === 'function_definition' && name) this.functions.add(name);
      if (def?.type === 'class_definition' && name) this.classes.add(name);
    }
    for (const n of root.descendantsOfType(['identifier', 'attribute'])) {
      if (!n || !isStore(n)) continue;
      if (n.type === 'identifier') this.variables.add(n.text);
      else bad.add(n.childForFieldName('attribute')?.text ?? '');
    }
    for (const f of this.functions) this.variables.delete(f);
    for (const cls of root.descendantsOfType('class_definition')) {
      for (const stmt of named(cls?.childForFieldName('body') ?? null)) {
        const a = named(stmt)[0];
        const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
        if (left?.type === 'identifier')
          (constantIdentifiers(a?.childForFieldName('right') ?? null) ? good : bad).add(left.text);
      }
    }
    this.constAttrs = new Set([...good].filter((g) => !bad.has(g)));
  }

  private safeIter(it: Node | null): boolean {
    let n = it;
    if (n?.type === 'subscript' && n.childForFieldName('subscript')?.type === 'slice') n = n.childForFieldName('value');
    if (n?.type === 'attribute') {
      const obj = n.childForFieldName('object');
      return (
        obj?.type === 'identifier' &&
        (obj.text === 'self' || obj.text === 'cls') &&
        this.constAttrs.has(n.childForFieldName('attribute')?.text ?? '')
      );
    }
    return constantIdentifiers(n);
  }

  private loopNames(fn: Node): Set<string> {
    const safe = new Set<string>();
    const safeTargets = new Set<number>();
    for (const loop of fn.descendantsOfType(['for_statement', 'for_in_clause'])) {
      const left = loop?.childForFieldName('left');
      if (left?.type === 'identifier' && this.safeIter(loop?.childForFieldName('right') ?? null)) {
        safe.add(left.text);
        safeTargets.add(left.id);
      }
    }
    for (const n of fn.descendantsOfType('identifier')) {
      if (
        n &&
        !safeTargets.has(n.id) &&
        (isStore(n) || n.parent?.type === 'parameters' || n.parent?.type === 'default_parameter')
      )
        safe.delete(n.text);
    }
    return safe;
  }

  private visit(root: Node): void {
    const stack: (Node | 'pop')[] = [root];
    while (stack.length > 0) {
      const n = stack.pop() as Node | 'pop';
      if (n === 'pop') {
        this.safe.pop();
        continue;
      }
      if (n.type === 'import_statement' || n.type === 'import_from_statement') {
        this.checkImport(n);
        continue;
      }
      if (n.type === 'function_definition') {
        this.safe.push(this.loopNames(n));
        stack.push('pop');
      }
      if (n.type === 'identifier') this.identifier(n);
      else if (n.type === 'attribute') this.attribute(n);
      else if (n.type === 'call') this.call(n);
      for (const c of [...named(n)].reverse()) stack.push(c);
    }
  }

  private identifier(n: Node): void {
    const p = n.parent;
    const inChain = p?.type === 'attribute' && isField(p, 'object', n);
    const rule = P.forbiddenNames[n.text];
    if (!inChain && !identifierRead(n)) return;
    if (rule && !this.origin.has(n.text)) {
      this.add(
        rule,
        n,
        `${n.text} reaches code loading, every name or the file system; a generated backend never needs it.`,
      );
      return;
    }
    if (inChain) return;
    if (DYNAMIC.has(n.text) && !this.origin.has(n.text)) {
      if (!(p?.type === 'call' && isField(p, 'function', n)))
        this.add(
          'security.dynamic-attribute',
          n,
          `${n.text} is used as a value, so the attribute it reaches cannot be judged.`,
        );
      return;
    }
    const full = this.origin.has(n.text) ? this.resolve(n.text) : null;
    if (full !== null) this.checkChain(n, full, true);
  }

  private attribute(n: Node): void {
    const attr = n.childForFieldName('attribute')?.text ?? '';
    if (FORBIDDEN_ATTRS.has(attr))
      this.add(
        'security.introspection',
        n,
        `.${attr} walks from an object to the interpreter's internals (the sandbox-escape chain).`,
      );
    const p = n.parent;
    if (p?.type === 'attribute' && isField(p, 'object', n) && chainOf(p) !== null) return;
    const chain = chainOf(n);
    if (chain === null) return;
    const full = this.resolve(chain);
    if (full !== null) this.checkChain(n, full, false);
    const head = chain.split('.')[0] ?? '';
    if (this.origin.get(head) === 'django.conf.settings' && isStore(n) && this.ctx.kind !== 'settings.py') {
      this.settingWrites.push([n.startPosition.row + 1, n.startPosition.column + 1, chain]);
    }
  }

  private call(n: Node): void {
    const f = n.childForFieldName('function');
    if (f?.type === 'identifier' && DYNAMIC.has(f.text) && !this.origin.has(f.text)) this.dynamic(n, f.text);
    else if (f?.type === 'attribute') {
      const attr = f.childForFieldName('attribute')?.text ?? '';
      const chain = chainOf(f);
      if (FILE_METHODS.has(attr) && (chain === null || this.resolve(chain) === null)) {
        const rule = /^(system|popen|getoutput|getstatusoutput|spawn)$/.test(attr)
          ? 'security.process'
          : 'security.file-access';
        this.add(rule, n, `.${attr}() reads, writes or runs something outside the application.`);
      }
    }
  }

  private dynamic(n: Node, fn: string): void {
    const args = named(n.childForFieldName('arguments')).filter((a) => a.type !== 'keyword_argument');
    const name = args[1] ? foldStr(args[1]) : foldStr(null);
    if (typeof name !== 'string') {
      const arg = args[1];
      if (!(arg?.type === 'identifier' && this.safe[this.safe.length - 1]?.has(arg.text)))
        this.add(
          'security.dynamic-attribute',
          n,
          `${fn}() with a computed attribute name: what it reaches cannot be judged.`,
        );
      return;
    }
    if (FORBIDDEN_ATTRS.has(name) || (/^__.*__$/.test(name) && !['__str__', '__name__', '__doc__'].includes(name))) {
      this.add('security.introspection', n, `${fn}(..., '${name}') reaches the interpreter's internals.`);
      return;
    }
    const target = args[0] ?? null;
    const chain = chainOf(target);
    const full = chain ? this.resolve(chain) : null;
    if (full !== null) this.checkChain(n, `${full}.${name}`, false);
    if (target?.type === 'identifier' && this.modules.has(target.text))
      this.add('security.dynamic-attribute', n, `${fn}() on the module ${target.text}: use the attribute directly.`);
    else if (
      fn !== 'getattr' &&
      this.origin.get(rootName(target) ?? '') === 'django.conf.settings' &&
      this.ctx.kind !== 'settings.py'
    )
      this.settingWrites.push([n.startPosition.row + 1, n.startPosition.column + 1, `settings.${name}`]);
  }
}

/** The allowlist judgements and settings writes of one file, from its tree-sitter tree. */
export function treeSitterSecurity(
  root: Node,
  ctx: ScanContext,
): { security: PyJudgement[]; settingWrites: [number, number, string][] } {
  const walk = new Walk(ctx);
  walk.run(root);
  const seen = new Set<string>();
  const security = walk.out.filter((j) => {
    const key = `${j[0]}:${j[1]}:${j[2]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { security, settingWrites: walk.settingWrites };
}
