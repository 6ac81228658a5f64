/**
 * `djforge`: the headless host of the engine, for terminals and CI pipelines. A thin adapter:
 * it parses arguments, calls the core, prints, and maps outcomes to exit codes.
 *
 * Exit codes: 0 success; 2 bad input or usage (nothing created or changed on disk);
 * 3 the project could not be written (the target is left as it was).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import packageJson from '../../package.json';
import { EXIT, LLM_FLAGS } from './common';
import { generateCommand } from './generate-command';
import { serveCommand } from './serve-command';
import { validateCommand } from './validate-command';
import type { CliIo } from './io';

const HELP = `djforge ${packageJson.version} — turn an ERD into a Django REST Framework project

Usage:
  djforge generate <erd-file> --out <dir> [--force] [--json <report-file>] [--engine template|llm ...]
  djforge validate-erd <erd-file>
  djforge serve [--port <n>] [--open]     (the app in a browser; see djforge serve --help)
  djforge --help | --version

Commands:
  generate       Import the ERD, generate the project (offline template engine by default, or
                 an LLM refining the template's draft) and write it to --out atomically.
  validate-erd   Report every problem in an ERD file; exit 0 when it has no errors, 2 otherwise.

Options:
  -o, --out <dir>        Folder to write the project into (created; must be empty unless --force)
  -f, --force            Replace a non-empty --out folder
      --json <file>      Write a JSON report of the run (files, diagnostics, metrics)
  -q, --quiet            Print only errors
      --concurrency <n>  Units generated at once (default 4)
      --approve all      Write every generated file (the only review policy so far)

LLM engine (generate --engine llm; key from DJFORGE_API_KEY or OPENAI_API_KEY, never a flag):
      --engine <name>    template (default, offline) or llm
      --provider <id>    openrouter, openai, ollama, lmstudio (preset base URLs) or custom
      --base-url <url>   Any OpenAI-compatible endpoint (overrides the preset's URL)
      --model <id>       Model to use
      --fallback-model <id>   Next model when one fails for good (repeatable, in order)
      --request-timeout <s>   Seconds one answer may take, first byte to last (default 300)
      --instructions <text>   Extra requirements for every unit (added to the ERD's own)
      --cache-dir <dir>  Agent cache folder (default AGENT_CACHE_DIR, else $XDG_CACHE_HOME/djforge
                         or ~/.cache/djforge); several people can share one
      --no-cache         Neither read nor write the cache
  -h, --help             Show this help
  -v, --version          Show the version

ERD formats: djforge-erd v1 JSON (resources/erd.schema.json), the seed tool's flat JSON
({"Job": {"title": "CharField", ...}}) and its later {"erd": {"entities": ...}} JSON.

Exit codes: 0 success, 2 bad input or usage (nothing written), 3 writing failed (target unchanged),
130 cancelled with Ctrl-C (nothing written).
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  engine: { type: 'string' },
  'base-url': { type: 'string' },
  provider: { type: 'string' },
  model: { type: 'string' },
  'fallback-model': { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  'request-timeout': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  instructions: { type: 'string' },
  approve: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`djforge: ${(e as Error).message}\nRun "djforge --help" for usage.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (!command) {
    io.stderr(`djforge: missing command.\n\n${HELP}`);
    return EXIT.usage;
  }
  const usage = (message: string) => {
    io.stderr(`djforge ${command}: ${message}\nRun "djforge --help" for usage.\n`);
    return EXIT.usage;
  };
  if (command !== 'generate' && command !== 'validate-erd') {
    return usage(`unknown command "${command}" (expected generate or validate-erd).`);
  }
  if (rest.length === 0) return usage('missing <erd-file>.');
  if (rest.length > 1) return usage(`expected one <erd-file>, got ${rest.length}: ${rest.join(' ')}.`);
  const erdFile = rest[0] as string;
  if (command === 'validate-erd') {
    for (const flag of ['out', 'force', 'json', 'engine', 'concurrency', 'approve', ...LLM_FLAGS] as const) {
      if (values[flag] !== undefined) return usage(`--${flag} applies to generate only.`);
    }
    return validateCommand(erdFile, io);
  }
  if (!values.out) return usage('missing --out <dir>.');
  return generateCommand(erdFile, values, io);
}
