import { describe, expect, it } from 'vitest';
import { languageOfPath } from './languages';

describe('the language of a generated file', () => {
  it('follows the file name', () => {
    expect(languageOfPath('shop/models.py')).toBe('python');
    expect(languageOfPath('README.md')).toBe('markdown');
    expect(languageOfPath('Dockerfile')).toBe('dockerfile');
    expect(languageOfPath('deploy/.env')).toBe('ini');
    expect(languageOfPath('.env.example')).toBe('ini');
    expect(languageOfPath('setup.cfg')).toBe('ini');
    expect(languageOfPath('requirements.txt')).toBe('plaintext');
    expect(languageOfPath('fixtures/seed.json')).toBe('json');
    expect(languageOfPath('docker-compose.yml')).toBe('yaml');
    expect(languageOfPath('scripts/entrypoint.sh')).toBe('shell');
  });
});
