/**
 * Mermaid export: exact text for a small model, and every example and fixture accepted by the
 * real Mermaid parser (`mermaid.parse`), so the diagram renders wherever Mermaid does.
 */
import { readFileSync } from 'node:fs';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { Erd } from '../../../src-shared/erd/model';
import { EXAMPLE_NAMES, examplePath } from '../../../test-support/examples';
import { shopErd } from '../../../test-support/fixtures/app-erds';
import { keyedErd } from '../../../test-support/fixtures/keyed-erd';
import { stressErds } from '../../../test-support/fixtures/stress-erds';
import { exportErdAs, importErdText, normalizeErd } from './index';

const SMALL: Erd = {
  format: 'djforge-erd',
  version: 1,
  project: { name: 'jobs' },
  entities: [
    { name: 'User', fields: [{ name: 'email', type: 'email', unique: true, helpText: 'Login "name"' }] },
    { name: 'Job', fields: [{ name: 'title', type: 'string' }] },
    { name: 'Tag', fields: [{ name: 'label', type: 'slug' }] },
  ],
  relations: [
    { name: 'posted_by', kind: 'manyToOne', from: 'Job', to: 'User' },
    { name: 'reviewer', kind: 'oneToOne', from: 'Job', to: 'User', nullable: true },
    { name: 'tags', kind: 'manyToMany', from: 'Job', to: 'Tag' },
  ],
};

describe('Mermaid export', () => {
  it("writes entities with PK/FK/UK markers and crow's-foot relations", () => {
    expect(exportErdAs(SMALL, 'mermaid')).toBe(
      [
        'erDiagram',
        '  User {',
        '    bigint id PK',
        '    email email UK "Login \'name\'"',
        '  }',
        '  Job {',
        '    bigint id PK',
        '    string title',
        '    bigint posted_by_id FK',
        '    bigint reviewer_id FK, UK',
        '  }',
        '  Tag {',
        '    bigint id PK',
        '    slug label',
        '  }',
        '  User ||--o{ Job : "posted_by"',
        '  User |o--o| Job : "reviewer"',
        '  Job }o--o{ Tag : "tags"',
        '',
      ].join('\n'),
    );
  });

  it("marks an entity's own key PK instead of Django's id, and types links to it like that key", () => {
    const text = exportErdAs(normalizeErd(keyedErd()).erd, 'mermaid');
    expect(text).toContain(['  Country {', '    string code PK', '    string name', '  }'].join('\n'));
    expect(text).toContain(
      ['  Artist {', '    integer artist_id PK', '    string name', '    string country_id FK', '  }'].join('\n'),
    );
    expect(text).toContain(['  Playlist {', '    bigint id PK', '    string title', '  }'].join('\n'));
    expect(text.match(/ PK/g)).toHaveLength(5);
  });

  const models: [string, Erd][] = [
    ['small', SMALL],
    ['keyedErd', normalizeErd(keyedErd()).erd],
    ['shopErd', normalizeErd(shopErd()).erd],
    ...Object.entries(stressErds()).map(([n, e]): [string, Erd] => [n, normalizeErd(e).erd]),
    ...EXAMPLE_NAMES.map((name): [string, Erd] => {
      const erd = importErdText(readFileSync(examplePath(name), 'utf8'), name).erd;
      if (erd === null) throw new Error(name);
      return [name, erd];
    }),
  ];

  it.each(models)('%s parses with mermaid', async (_name, erd) => {
    await expect(mermaid.parse(exportErdAs(erd, 'mermaid'))).resolves.toMatchObject({ diagramType: 'er' });
  });

  it('the parser does reject a broken diagram (the check above can fail)', async () => {
    await expect(mermaid.parse('erDiagram\n  User ||--o{ : "x"\n')).rejects.toThrow();
  });
});
