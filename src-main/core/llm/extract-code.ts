/**
 * Robust code extraction from a model's answer. Models wrap code in prose, think aloud in
 * `<think>` blocks (sometimes with decoy fences inside), emit several fences, forget to close
 * the last one when cut off, or send bare code. Extraction returns the code the unit asked for,
 * or null when the answer holds none (empty or prose-only), so recovery can classify it.
 */

const LANGUAGE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  python: ['python', 'py', 'python3', 'py3'],
  json: ['json', 'jsonc'],
  toml: ['toml'],
  yaml: ['yaml', 'yml'],
  text: ['text', 'txt', 'plaintext', 'requirements', 'pip'],
  ini: ['ini', 'cfg'],
  markdown: ['markdown', 'md'],
};

interface FencedBlock {
  lang: string;
  code: string;
  closed: boolean;
}

/** Removes `<think>`/`<thinking>` blocks, including an unclosed one and a lone closing tag. */
export function stripThinking(answer: string): string {
  let text = answer.replace(/<(think|thinking)>[\s\S]*?<\/\1>/gi, '');
  const lone = text.search(/<\/(think|thinking)>/i);
  if (lone >= 0) text = text.slice(text.indexOf('>', lone) + 1);
  const open = text.search(/<(think|thinking)>/i);
  if (open >= 0) text = text.slice(0, open);
  return text;
}

/** Every fenced block (``` or ~~~), in order; a block still open at the end is `closed: false`. */
export function findFencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { fence: string; lang: string; lines: string[] } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
        blocks.push({ lang: open.lang, code: open.lines.join('\n'), closed: true });
        open = null;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const start = /^ {0,3}(`{3,}|~{3,})\s*([\w+.#-]*)/.exec(line);
    if (start?.[1]) open = { fence: start[1], lang: (start[2] ?? '').toLowerCase(), lines: [] };
  }
  if (open) blocks.push({ lang: open.lang, code: open.lines.join('\n'), closed: false });
  return blocks;
}

/**
 * The code for `language` in `answer`, trimmed of surrounding blank lines, or null.
 * Preference: the largest block tagged with the language; else the largest untagged block;
 * else the largest block that looks like the language; with no fence at all, the answer itself
 * when it looks like code (leading and trailing prose lines dropped).
 */
export function extractCode(answer: string, language = 'python'): string | null {
  const text = stripThinking(answer);
  if (!text.trim()) return null;
  const aliases = LANGUAGE_ALIASES[language] ?? [language];
  const blocks = findFencedBlocks(text).filter((b) => b.code.trim() !== '');
  if (blocks.length > 0) {
    const tagged = blocks.filter((b) => aliases.includes(b.lang));
    const untagged = blocks.filter((b) => b.lang === '');
    const candidates =
      tagged.length > 0
        ? tagged
        : untagged.length > 0
          ? untagged
          : blocks.filter((b) => looksLikeCode(b.code, language));
    const best = largest(candidates);
    return best === null ? null : tidy(best.code);
  }
  return bareCode(text, language);
}

/**
 * Every reading of `answer` as code, best first: `extractCode`'s choice, then the other non-empty
 * fenced blocks, largest first. The caller tries them in turn when the first fails the unit's
 * checks (a model that shows a helper block before the unit, or the unit inside a larger example).
 */
export function extractCodeCandidates(answer: string, language = 'python'): string[] {
  const best = extractCode(answer, language);
  if (best === null) return [];
  const others = findFencedBlocks(stripThinking(answer))
    .filter((b) => b.code.trim() !== '')
    .sort((a, b) => b.code.trim().length - a.code.trim().length)
    .map((b) => tidy(b.code))
    .filter((code) => code !== best);
  return [best, ...new Set(others)];
}

function largest(blocks: FencedBlock[]): FencedBlock | null {
  let best: FencedBlock | null = null;
  for (const block of blocks) if (!best || block.code.trim().length > best.code.trim().length) best = block;
  return best;
}

function tidy(code: string): string {
  return code.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
}

const PYTHON_LINE =
  /^(from\s+[\w.]+\s+import\b|import\s+[\w.]+|class\s+\w+|def\s+\w+|async\s+def\s+\w+|@[\w.]+|if\s+__name__|[A-Z_][A-Z0-9_]*\s*=|\w+\s*=\s*\S|#|"""|'''|\s+\S)/;
const PYTHON_STRONG =
  /^(from\s+[\w.]+\s+import\b|import\s+[\w.]+|class\s+\w+.*:\s*$|(async\s+)?def\s+\w+\s*\(|@[\w.]+)/m;

/** Whether `text` reads as source in `language` rather than prose. */
export function looksLikeCode(text: string, language = 'python'): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  if (language === 'python') {
    if (!PYTHON_STRONG.test(text)) return false;
    return lines.filter((l) => PYTHON_LINE.test(l)).length / lines.length >= 0.6;
  }
  return lines.filter((l) => isProseLine(l)).length / lines.length < 0.5;
}

/** A sentence: capitalised words, spaces, ending in punctuation, no code symbols. */
function isProseLine(line: string): boolean {
  const t = line.trim();
  return /^[A-Z][a-z']*(\s+\S+){2,}/.test(t) && /[.!?:]$/.test(t) && !/[=(){}[\]]/.test(t.replace(/\([^)]*\)/g, ''));
}

function bareCode(text: string, language: string): string | null {
  const lines = text.split(/\r?\n/);
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && (lines[first]?.trim() === '' || isProseLine(lines[first] ?? ''))) first++;
  while (last >= first && (lines[last]?.trim() === '' || isProseLine(lines[last] ?? ''))) last--;
  const body = lines.slice(first, last + 1).join('\n');
  return body.trim() !== '' && looksLikeCode(body, language) ? tidy(body) : null;
}
