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
});
