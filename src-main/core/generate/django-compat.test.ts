/**
 * Generated projects must run on Django 3.2 through 5.x, but this machine (and CI) has only
 * Debian's Django 3.2, which the runtime tests run. This test covers the other end of the range
 * statically: no generated file may use an API that Django 4.0–5.x removed, nor one that 3.2
 * lacks. Each entry names the release that changed it, so a failure says why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importErdText } from '../erd';
import { shopErd, plainErd } from '../../../test-support/fixtures/app-erds';
import { generateProject } from './index';
import { stressErds } from '../../../test-support/fixtures/stress-erds';
import type { Erd } from '../../../src-shared/erd/model';
import { EXAMPLES_DIR, EXAMPLE_NAMES } from '../../../test-support/examples';

const FORBIDDEN: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /from django\.conf\.urls import .*\burl\b/, why: 'django.conf.urls.url() was removed in Django 4.0' },
  { pattern: /\bugettext(_lazy)?\b/, why: 'ugettext() was removed in Django 4.0' },
  { pattern: /\b(force|smart)_text\b/, why: 'force_text()/smart_text() were removed in Django 4.0' },
  { pattern: /\bNullBooleanField\b/, why: 'NullBooleanField was removed in Django 4.0' },
  { pattern: /\bdefault_app_config\b/, why: 'default_app_config was removed in Django 4.1' },
  { pattern: /\bUSE_L10N\b/, why: 'USE_L10N was removed in Django 5.0' },
  { pattern: /\bindex_together\b/, why: 'Meta.index_together was removed in Django 5.1' },
  { pattern: /\b(DEFAULT_FILE_STORAGE|STATICFILES_STORAGE)\b/, why: 'these settings were removed in Django 5.1' },
  { pattern: /(?<!datetime\.)\btimezone\.utc\b/, why: 'django.utils.timezone.utc was removed in Django 5.0' },
  { pattern: /\bis_dst\b/, why: 'the is_dst argument was removed in Django 5.0' },
  { pattern: /\bpytz\b/, why: 'pytz support was removed in Django 5.0' },
  {
    pattern: /postgres\.fields\.JSONField|contrib\.postgres\.fields import JSONField/,
    why: 'use models.JSONField (Django 3.1+)',
  },
  { pattern: /\bdb_default\b|\bGeneratedField\b|\bdb_comment\b/, why: 'not in Django 3.2 (added in 4.2/5.0)' },
  { pattern: /^STORAGES\s*=/m, why: 'STORAGES does not exist in Django 3.2 (added in 4.2)' },
  { pattern: /\bassertFormError\(\s*response\b/, why: 'assertFormError(response, …) was removed in Django 5.0' },
];

const examples = EXAMPLES_DIR;

function exampleErds(): [string, Erd][] {
  return [...EXAMPLE_NAMES]
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const { erd, diagnostics } = importErdText(readFileSync(path.join(examples, f), 'utf8'), f);
      if (!erd) throw new Error(`${f} did not import: ${JSON.stringify(diagnostics)}`);
      return [f, erd];
    });
}

describe('generated code across Django 3.2–5.x', () => {
  const cases: [string, Erd][] = [
    ['shopErd', shopErd()],
    ['plainErd', plainErd()],
    ...Object.entries(stressErds()).map(([name, erd]): [string, Erd] => [`stress ${name}`, erd]),
    ...exampleErds(),
  ];

  it.each(cases)('%s uses no API outside the supported range', (_name, erd) => {
    const problems: string[] = [];
    for (const file of generateProject(erd)) {
      for (const { pattern, why } of FORBIDDEN) {
        if (pattern.test(file.content)) problems.push(`${file.path}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sets the settings whose defaults changed between 3.2 and 5.x explicitly', () => {
    const settings = generateProject(shopErd()).find((f) => f.path.endsWith('/settings.py'));
    expect(settings?.content).toMatch(/^USE_TZ = True$/m);
    expect(settings?.content).toMatch(/^DEFAULT_AUTO_FIELD = 'django\.db\.models\.BigAutoField'$/m);
  });

  it('the checker catches a removed API', () => {
    const sample = 'from django.conf.urls import url\nUSE_L10N = True\n';
    const hits = FORBIDDEN.filter(({ pattern }) => pattern.test(sample)).map((f) => f.why);
    expect(hits).toEqual(['django.conf.urls.url() was removed in Django 4.0', 'USE_L10N was removed in Django 5.0']);
  });
});
