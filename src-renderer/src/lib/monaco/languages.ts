/** The Monaco language of a generated file, from its name; plain text when none applies. */
export function languageOfPath(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  if (name === 'Dockerfile' || name.endsWith('.dockerfile')) return 'dockerfile';
  if (name === '.env' || name.startsWith('.env.') || /\.(ini|cfg|toml)$/.test(name)) return 'ini';
  if (name.endsWith('.py') || name.endsWith('.pyi')) return 'python';
  if (name.endsWith('.md')) return 'markdown';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return 'yaml';
  if (name.endsWith('.sh')) return 'shell';
  return 'plaintext';
}
