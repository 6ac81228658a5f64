/**
 * Python values from tree-sitter nodes, summarised exactly as the CPython analyzer summarises
 * them (`PyValue`), so the rules cannot tell which parser ran.
 */
import type { Node } from 'web-tree-sitter';
import type { PyPos, PyValue } from './types';

const COMP = new Set(['list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression']);
const OPS: Record<string, string> = { '+': 'Add', '%': 'Mod', '-': 'Sub', '*': 'Mult', '/': 'Div', '|': 'BitOr' };
const COMPARE: Record<string, string> = {
  '==': 'Eq',
  '!=': 'NotEq',
  in: 'In',
  'not in': 'NotIn',
  is: 'Is',
  'is not': 'IsNot',
};

export const pos = (n: Node): PyPos => ({ line: n.startPosition.row + 1, col: n.startPosition.column + 1 });
export const named = (n: Node | null): Node[] =>
  n ? n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') : [];

export function dotted(n: Node | null): string | null {
  if (!n) return null;
  if (n.type === 'identifier') return n.text;
  if (n.type === 'attribute') {
    const head = dotted(n.childForFieldName('object'));
    const attr = n.childForFieldName('attribute')?.text;
    return head && attr ? `${head}.${attr}` : null;
  }
  return null;
}

export const lastAttr = (f: Node | null): string | null =>
  f?.type === 'attribute' ? (f.childForFieldName('attribute')?.text ?? null) : f?.type === 'identifier' ? f.text : null;

export function stringValue(n: Node): PyValue {
  const parts = n.type === 'concatenated_string' ? named(n) : [n];
  let text = '';
  for (const part of parts) {
    for (const c of named(part)) {
      if (c.type === 'interpolation') return { src: n.text, k: 'fstring' };
      if (c.type === 'string_content' || c.type === 'escape_sequence') text += c.text;
    }
  }
  return { src: n.text, k: 'str', v: text };
}

export function value(n: Node, depth = 0): PyValue {
  const src =
    depth < 2 || ['identifier', 'attribute', 'string', 'integer', 'float'].includes(n.type) ? n.text.slice(0, 240) : '';
  switch (n.type) {
    case 'string':
    case 'concatenated_string':
      return stringValue(n);
    case 'integer':
    case 'float':
      return { src, k: 'num', v: Number(n.text.replace(/_/g, '').replace(/[jJlL]$/, '')) };
    case 'true':
    case 'false':
      return { src, k: 'bool', v: n.type === 'true' };
    case 'none':
      return { src, k: 'none' };
    case 'list':
    case 'tuple':
    case 'set':
      return { src, k: n.type, items: depth < 3 ? named(n).map((c) => value(c, depth + 1)) : [] };
    case 'parenthesized_expression': {
      const inner = named(n);
      return inner.length === 1 && inner[0] ? { ...value(inner[0], depth), src } : { src, k: 'expr' };
    }
    case 'dictionary': {
      const pairs = named(n).filter((c) => c.type === 'pair');
      const keys = pairs.map((p) => {
        const key = p.childForFieldName('key');
        const v = key ? stringValue(key) : null;
        return key && (key.type === 'string' || key.type === 'concatenated_string') && v?.k === 'str'
          ? String(v.v)
          : null;
      });
      const values = depth < 3 ? pairs.map((p) => value(p.childForFieldName('value') ?? p, depth + 1)) : [];
      return { src, k: 'dict', keys, values };
    }
    case 'identifier':
    case 'attribute': {
      const name = dotted(n);
      return name ? { src, k: 'name', name } : { src, k: 'expr' };
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      const args: PyValue[] = [];
      const kw: Record<string, PyValue> = {};
      for (const a of named(n.childForFieldName('arguments'))) {
        if (depth >= 3) break;
        if (a.type === 'keyword_argument') {
          const name = a.childForFieldName('name')?.text;
          const v = a.childForFieldName('value');
          if (name && v) kw[name] = value(v, depth + 1);
        } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') args.push(value(a, depth + 1));
      }
      const func = dotted(fn);
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      const recv = func === null && obj && depth < 3 ? { recv: value(obj, depth + 1) } : {};
      return { src, k: 'call', func, attr: lastAttr(fn), ...recv, args, kw };
    }
    case 'binary_operator': {
      const op = OPS[n.childForFieldName('operator')?.text ?? ''] ?? 'Other';
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      return depth < 3 && l && r
        ? { src, k: 'binop', op, left: value(l, depth + 1), right: value(r, depth + 1) }
        : { src, k: 'binop', op };
    }
    case 'comparison_operator': {
      const operands = named(n);
      const ops = n.children.filter((c) => c && !c.isNamed).map((c) => c?.text ?? '');
      const op = COMPARE[ops.join(' ')];
      if (operands.length !== 2 || !op) return { src, k: 'expr' };
      const [l, r] = operands as [Node, Node];
      return depth < 3
        ? { src, k: 'compare', op, left: value(l, depth + 1), right: value(r, depth + 1) }
        : { src, k: 'compare', op };
    }
    case 'not_operator': {
      const arg = n.childForFieldName('argument');
      return { src, k: 'unary', op: 'Not', ...(arg && depth < 3 ? { left: value(arg, depth + 1) } : {}) };
    }
    case 'unary_operator': {
      const arg = n.childForFieldName('argument');
      const op =
        n.childForFieldName('operator')?.text === '-'
          ? 'USub'
          : n.childForFieldName('operator')?.text === '+'
            ? 'UAdd'
            : 'Invert';
      return { src, k: 'unary', op, ...(arg && depth < 3 ? { left: value(arg, depth + 1) } : {}) };
    }
    case 'boolean_operator': {
      const op = n.childForFieldName('operator')?.text === 'and' ? 'And' : 'Or';
      return { src, k: 'boolop', op, items: depth < 3 ? named(n).map((c) => value(c, depth + 1)) : [] };
    }
    case 'conditional_expression': {
      const [body, test, orelse] = named(n);
      return {
        src,
        k: 'ifexp',
        items: depth < 3 && body && test && orelse ? [test, body, orelse].map((c) => value(c, depth + 1)) : [],
      };
    }
    default:
      return COMP.has(n.type) ? { src, k: 'comp' } : { src, k: 'expr' };
  }
}
