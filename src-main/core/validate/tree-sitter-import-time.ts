/**
 * What runs when a module is imported or a class is created, judged on tree-sitter's tree as
 * `analyzer-import-time.ts` judges it on CPython's: only definitions, imports, constants and
 * calls of allowed imports belong at module and class level.
 */
import type { Node } from 'web-tree-sitter';
import { SECURITY_POLICY as P } from './security-policy';
import { TreeSitterScan, rootName } from './tree-sitter-security';
import { named } from './tree-sitter-value';

const PURE = new Set(P.pureBuiltins);

/** The module- and class-body checks; subclasses fill `functions`, `classes` and `variables` first. */
export class ImportTimeScan extends TreeSitterScan {
  protected functions = new Set<string>();
  protected classes = new Set<string>();
  protected variables = new Set<string>();

  private calleeOk(call: Node, localCalls: boolean): boolean {
    const head = rootName(call.childForFieldName('function'));
    if (head === '' || (head !== null && (this.origin.has(head) || this.classes.has(head) || this.variables.has(head))))
      return true;
    if (head !== null && this.functions.has(head)) return localCalls;
    return head !== null && PURE.has(head);
  }

  private exprBad(node: Node | null, localCalls: boolean): Node | null {
    const stack = node ? [node] : [];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      if (n.type === 'lambda') continue;
      if (n.type === 'call' && !this.calleeOk(n, localCalls)) return n;
      stack.push(...named(n));
    }
    return null;
  }

  private decoratorsOk(decorators: Node[]): void {
    for (const d of decorators) {
      const expr = named(d)[0] ?? d;
      const head = rootName(expr);
      if (!(head !== null && (this.origin.has(head) || ['property', 'staticmethod', 'classmethod'].includes(head))))
        this.add(
          'security.module-code',
          expr,
          `the decorator ${expr.text.slice(0, 60)} is not an allowed import: it runs when the module is imported.`,
        );
      const bad = this.exprBad(expr, false);
      if (bad) this.add('security.module-code', bad, `${bad.text.slice(0, 60)} runs when the module is imported.`);
    }
  }

  protected checkBody(stmts: Node[], where: 'module' | 'class', localCalls: boolean): void {
    const rule = where === 'module' ? 'security.module-code' : 'security.class-body-code';
    const report = (bad: Node, what: string) => this.add(rule, bad, what);
    for (const stmt of stmts) {
      const decorators = stmt.type === 'decorated_definition' ? named(stmt).filter((c) => c.type === 'decorator') : [];
      const def = stmt.type === 'decorated_definition' ? (stmt.childForFieldName('definition') ?? stmt) : stmt;
      const first = named(def)[0];
      if (/^(import_statement|import_from_statement|future_import_statement|pass_statement)$/.test(def.type)) continue;
      if (def.type === 'expression_statement' && named(def).length === 1 && first?.type === 'string') continue;
      if (def.type === 'class_definition') {
        this.decoratorsOk(decorators);
        for (const b of named(def.childForFieldName('superclasses'))) {
          const bad = this.exprBad(b, false);
          if (bad) report(bad, `${bad.text.slice(0, 60)} runs when the class is created.`);
        }
        this.checkBody(named(def.childForFieldName('body')), 'class', false);
        continue;
      }
      if (def.type === 'function_definition') {
        this.decoratorsOk(decorators);
        for (const p of named(def.childForFieldName('parameters'))) {
          const bad = this.exprBad(p.childForFieldName('value'), false);
          if (bad) report(bad, `the default ${bad.text.slice(0, 60)} runs when the function is defined.`);
        }
        continue;
      }
      if (
        def.type === 'expression_statement' &&
        (first?.type === 'assignment' || first?.type === 'augmented_assignment')
      ) {
        const bad = this.exprBad(first.childForFieldName('right'), localCalls);
        if (bad)
          report(
            bad,
            `${bad.text.slice(0, 60)} is called while the ${where} is ${where === 'module' ? 'imported' : 'created'}; only definitions and constants belong there.`,
          );
        continue;
      }
      if (where === 'module' && def.type === 'if_statement') {
        const cond = def.childForFieldName('condition');
        if (cond && /^__name__\s*==\s*['"]__main__['"]$/.test(cond.text)) continue;
        const blocks: Node[] = [];
        const conds: (Node | null)[] = [cond];
        for (const c of named(def)) {
          if (c.type === 'block') blocks.push(c);
          if (c.type === 'elif_clause') conds.push(c.childForFieldName('condition'));
          if (c.type === 'elif_clause' || c.type === 'else_clause')
            blocks.push(...named(c).filter((b) => b.type === 'block'));
        }
        for (const test of conds) {
          const bad = this.exprBad(test, localCalls);
          if (bad) report(bad, `${bad.text.slice(0, 60)} runs when the module is imported.`);
        }
        this.checkBody(
          blocks.flatMap((b) => named(b)),
          where,
          localCalls,
        );
        continue;
      }
      if (where === 'module' && def.type === 'try_statement' && this.importFallback(def)) continue;
      if (
        where === 'module' &&
        def.type === 'expression_statement' &&
        first?.type === 'call' &&
        named(def).length === 1
      ) {
        if (
          !this.exprBad(first, localCalls) &&
          !this.functions.has(rootName(first.childForFieldName('function')) ?? '')
        )
          continue;
      }
      if (where === 'module' && def.type === 'raise_statement' && this.ctx.kind === 'settings.py') continue;
      report(
        def,
        `a ${def.type.replace(/_/g, ' ')} at ${where} level runs when the ${where === 'module' ? 'module is imported' : 'class is created'}; only definitions belong there.`,
      );
    }
  }

  private importFallback(stmt: Node): boolean {
    const body = named(stmt.childForFieldName('body'));
    if (!body.every((s) => s.type === 'import_statement' || s.type === 'import_from_statement')) return false;
    for (const c of named(stmt)) {
      if (c.type === 'else_clause' || c.type === 'finally_clause') return false;
      if (c.type !== 'except_clause') continue;
      const types = named(c).filter((x) => x.type !== 'block');
      const names = types.flatMap((t) => (t.type === 'tuple' ? named(t) : [t]));
      if (
        names.length === 0 ||
        !names.every((x) => x.type === 'identifier' && /^(ImportError|ModuleNotFoundError)$/.test(x.text))
      )
        return false;
      for (const s of named(named(c).find((x) => x.type === 'block') ?? null)) {
        const a = named(s)[0];
        const right = a?.type === 'assignment' ? a.childForFieldName('right') : null;
        if (s.type !== 'pass_statement' && !(right && /^(none|true|false|integer|string)$/.test(right.type)))
          return false;
      }
    }
    return true;
  }
}
