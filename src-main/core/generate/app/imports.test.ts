import { describe, expect, it } from 'vitest';
import { codeOnly, importBlock, localImports, pickImports, usedSymbols } from './imports';

describe('imports', () => {
  const catalog = pickImports('models', 'status', 'Response', 'datetime', 'Decimal', 'uuid4', 'now');

  it('blanks strings and comments, so names inside them are not uses', () => {
    expect(codeOnly(`x = "status" + 'now'  # Response\ny = """datetime\nDecimal"""\nz`)).toBe('x =   +    \ny =  \nz');
    expect(usedSymbols(`label = "Response now"  # status`, catalog)).toEqual([]);
  });

  it('ignores attributes, keyword arguments and assignment targets, but not comparisons or calls', () => {
    expect(usedSymbols('order.status\nfilter(status="paid")\nnow = 1', catalog)).toEqual([]);
    expect(usedSymbols('if status == 1: Response(data, status=status.HTTP_200_OK)', catalog)).toEqual([
      'Response',
      'status',
    ]);
    expect(usedSymbols('created = models.DateTimeField(default=now)', catalog)).toEqual(['models', 'now']);
  });

  it('groups stdlib, third party and local imports, plain imports first, names sorted', () => {
    const source =
      'datetime.date.today\nDecimal(1)\nuuid4()\nmodels.Model\nResponse()\nstatus.HTTP_200_OK\nOrder\nItem';
    expect(importBlock(source, { ...catalog, ...localImports('models', ['Order', 'Item']) })).toBe(`import datetime
from decimal import Decimal
from uuid import uuid4

from django.db import models
from rest_framework import status
from rest_framework.response import Response

from .models import Item, Order`);
  });

  it('wraps an import longer than 119 characters, one name per line', () => {
    const names = [
      'AlphaBravoCharlieSerializer',
      'DeltaEchoFoxtrotSerializer',
      'GolfHotelIndiaSerializer',
      'JulietKiloLimaSerializer',
    ];
    expect(importBlock(names.join('\n'), localImports('serializers', names))).toBe(`from .serializers import (
    AlphaBravoCharlieSerializer,
    DeltaEchoFoxtrotSerializer,
    GolfHotelIndiaSerializer,
    JulietKiloLimaSerializer,
)`);
  });

  it('refuses a symbol the catalog does not know', () => {
    expect(() => pickImports('models', 'nonsense')).toThrow('Unknown import symbol nonsense');
  });

  it('agrees with the character-by-character and regex-per-symbol definitions on tricky and random code', () => {
    const local = { ...catalog, ...localImports('models', ['Order', 'Order2', 'Item']) };
    const tricky = [
      `s = 'it\\'s' + "a\\"b" # status\nResponse`,
      `x = 'open\nnow(1)\n"""unterminated status`,
      `'''a\n'b'\n''' + now + "" + ''`,
      `status =\n= 1\nOrder2 = Order\nItem  ==  now\nmodels.status`,
      `a.now\n.Response\nDecimal\t= 2\nuuid4 >= 1\nOrder != Item`,
      `"\\`,
      `# only a comment`,
      '',
    ];
    const pieces = ['status', 'now', 'Order', 'Order2', 'Item', 'models', ' ', '.', '=', '==', '\n', '#'];
    pieces.push("'", '"', '"""', "'''", '\\', '(', 'x');
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const random = Array.from({ length: 400 }, () =>
      Array.from({ length: 30 }, () => pieces[next() % pieces.length]).join(''),
    );
    for (const source of [...tricky, ...random]) {
      expect(codeOnly(source), source).toBe(referenceCodeOnly(source));
      expect(usedSymbols(source, local), source).toEqual(referenceUsedSymbols(source, local));
    }
    expect(usedSymbols(tricky[3] ?? '', local)).toEqual(['Item', 'Order', 'models', 'now']);
  });
});

/** The original definition of `codeOnly`, one character at a time: the fast one must match it. */
function referenceCodeOnly(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = source.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < source.length && !source.startsWith(quote, i)) {
        if (source[i] === '\\') i++;
        else if (!triple && source[i] === '\n') break;
        i++;
      }
      i += quote.length;
      out += ' ';
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The original definition of `usedSymbols`: one regular expression per catalog symbol. */
function referenceUsedSymbols(source: string, catalog: Record<string, unknown>): string[] {
  const code = referenceCodeOnly(source);
  return Object.keys(catalog)
    .filter((symbol) => new RegExp(`(?<![\\w.])${symbol}(?!\\w)(?!\\s*=(?!=))`).test(code))
    .sort();
}
