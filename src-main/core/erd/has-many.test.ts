import { describe, expect, it } from 'vitest';
import { importErdText } from './index';

const rows = (text: string) =>
  importErdText(text, 'x.json').diagnostics.map((d) => [d.severity, d.code, d.path, d.message]);

describe('has_many decisions', () => {
  it('adds the inferred link under a free name when the child already uses the parent name', () => {
    const result = importErdText('{"Team": {"has_many": ["Player"]}, "Player": {"team": "CharField"}}', 'x.json');
    expect(result.erd?.relations).toEqual([
      {
        name: 'team_ref',
        kind: 'manyToOne',
        from: 'Player',
        to: 'Team',
        nullable: true,
        onDelete: 'SET_NULL',
        relatedName: 'players',
      },
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"Team" has_many "Player", but "Player" has no link back; added the nullable ForeignKey Player.team_ref → Team (on_delete SET_NULL).',
    ]);
  });

  it('treats a many-to-many in either direction as already expressing has_many', () => {
    expect(rows('{"Tag": {"has_many": ["Post"]}, "Post": {"tags": "ManyToManyField:Tag"}}')).toEqual([
      [
        'info',
        'erd.has-many-redundant',
        'entities.Tag.has_many[0]',
        '"Tag" has_many "Post" is already expressed by Post.tags; nothing is added.',
      ],
    ]);
    expect(rows('{"Post": {"has_many": ["Tag"], "tags": "ManyToManyField:Tag"}, "Tag": {}}')).toEqual([
      [
        'info',
        'erd.has-many-redundant',
        'entities.Post.has_many[0]',
        '"Post" has_many "Tag" is already expressed by Post.tags; nothing is added.',
      ],
    ]);
  });

  it('ignores a repeated child and rejects a has_many that is not a list of names', () => {
    expect(rows('{"A": {"has_many": ["B", "B"]}, "B": {"a": "ForeignKey:A"}}').map((r) => r[2])).toEqual([
      'entities.A.has_many[0]',
      'entities.A.has_many[1]',
      'relations.B.a',
    ]);
    expect(rows('{"A": {"has_many": "B"}, "B": {}}')).toEqual([
      ['error', 'erd.invalid-value', 'entities.A.has_many', 'has_many must be a list of entity names, e.g. ["Job"].'],
    ]);
  });

  it('reads has_many in the relationships of the later seed format', () => {
    const text = JSON.stringify({
      erd: {
        entities: {
          Author: { fields: { name: 'str' }, relationships: { has_many: ['Book'] } },
          Book: { fields: { title: 'str' } },
        },
      },
    });
    const result = importErdText(text, 'seed-v2-books.json');
    expect(result.erd?.project.name).toBe('books');
    expect(result.erd?.relations).toEqual([
      {
        name: 'author',
        kind: 'manyToOne',
        from: 'Book',
        to: 'Author',
        nullable: true,
        onDelete: 'SET_NULL',
        relatedName: 'books',
      },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['erd.has-many-inferred', 'relations.Book.author'],
    ]);
  });
});
