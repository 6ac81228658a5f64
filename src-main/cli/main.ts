/**
 * `djforge`: the headless host of the engine, for terminals and CI pipelines. A thin adapter:
 * it parses arguments, calls the core, prints, and maps outcomes to exit codes.
 *
 * Exit codes: 0 success; 1 some files were not approved or a merge conflicted (the rest was
 * written); 2 bad input or usage (nothing created or changed on disk); 3 the project could not be
 * written (the target is left as it was); 130 cancelled.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import packageJson from '../../package.json';
import { EXIT, importChoice, LLM_FLAGS } from './common';
import { convertCommand } from './convert-command';
import { generateCommand } from './generate-command';
import { serveCommand } from './serve-command';
import { statsCommand } from './stats-command';
import { validateCommand } from './validate-command';
import type { CliIo } from './io';

const HELP = `djforge ${packageJson.version} — turn an ERD into a Django REST Framework project

Usage:
  djforge generate <erd-file> (--out <dir> | --zip <file> | both) [options]
  djforge validate-erd <erd-file>
  djforge convert <erd-file> --to <format> [--out <file>]   (see djforge convert --help)
  djforge serve [--port <n>] [--open]     (the app in a browser; see djforge serve --help)
  djforge stats [--last <n>] [--erd <name>] [--json]   (the run history; see djforge stats --help)
  djforge --help | --version

Commands:
  generate       Import the ERD, generate the project (offline template engine by default, or
                 an LLM refining the template's draft), validate and score every file, review
                 them, and write only the approved files.
  validate-erd   Report every problem in an ERD file; exit 0 when it has no errors, 2 otherwise.

Output (generate; at least one of --out and --zip):
  -o, --out <dir>        Folder to write the project into. A new or empty folder is written
                         atomically. A folder holding an earlier DjForge generation (.djforge/) is
                         updated in place: files you did not touch are replaced, files you edited
                         are merged three-way, conflicts keep your file (the merge with markers goes
                         to .djforge/conflicts/) and are reported. Any other non-empty folder needs
                         --force.
      --zip <file>       Also (or instead) export the approved files as a zip, in a folder named
                         after the project. An existing file needs --force.
  -f, --force            Replace a non-empty folder that holds no DjForge project, or an existing zip
      --json <file>      Write a JSON report: files with score, category, findings, approved,
                         written; metrics (autoApprovalRate, avgQuality, conflicts, timings, …)
  -q, --quiet            Print only errors

Review (generate):
      --approve <policy> Decide without asking: high (default; auto-approved + high quality),
                         high+medium, all (every file that generated), none. Without --approve, a
                         run whose stdin and stdout are terminals asks (the five batch operations).
      --threshold <x>    Score from which a file without errors is auto-approved, in (0, 1]
                         (default 0.8)
      --no-runtime       Skip the runtime layer (manage.py check, makemigrations --check and the
                         generated tests in a temporary copy). It runs only when a Python with
                         Django and DRF is found (DJFORGE_PYTHON, /usr/bin/python3, python3, python;
                         DJFORGE_PYTHONPATH for another Django), inside a sandbox (bubblewrap on
                         Linux, sandbox-exec on macOS); without one, model-written files are not run.
      --unsandboxed-runtime
                         Run model-written files in the runtime layer even where no sandbox works
                         (also DJFORGE_UNSANDBOXED_RUNTIME=1). They run as you, with the network.
      --concurrency <n>  Units generated at once (default 4)
      --no-history       Do not record the run in the history (DJFORGE_DATA_DIR, else the app's
                         data folder) that the dashboard and "djforge stats" read

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
({"Job": {"title": "CharField", ...}}) and its later {"erd": {"entities": ...}} JSON, DBML and SQL
DDL (PostgreSQL, MySQL, SQLite, SQL Server), detected from the name and the text:
      --from <format>    The input's format instead: json | dbml | postgres | mysql | sqlite | mssql
      --groups-as-apps   The ERD's groups become Django apps (automatic above 40 entities)

Environment: DJFORGE_PYTHON (interpreter for validation), DJFORGE_SYNTAX_PYTHON (interpreter
checking LLM answers), AGENT_CACHE_DIR, DJFORGE_API_KEY / OPENAI_API_KEY.

Exit codes: 0 every file approved and written; 1 some files were not approved or a merge
conflicted (the approved files were written, the rest left as they were); 2 bad input or usage
(nothing written); 3 writing failed (target unchanged); 130 cancelled with Ctrl-C (nothing written).
`;

const GENERATE_FLAGS = [
  'out',
  'force',
  'json',
  'engine',
  'concurrency',
  'approve',
  'threshold',
  'no-runtime',
  'unsandboxed-runtime',
  'zip',
  'no-history',
  ...LLM_FLAGS,
] as const;

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
  threshold: { type: 'string' },
  'no-runtime': { type: 'boolean' },
  'unsandboxed-runtime': { type: 'boolean' },
  zip: { type: 'string' },
  from: { type: 'string' },
  'groups-as-apps': { type: 'boolean' },
  'no-history': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
  if (argv[0] === 'convert') return convertCommand(argv.slice(1), io);
  if (argv[0] === 'stats') return statsCommand(argv.slice(1), io);
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
    for (const flag of GENERATE_FLAGS) {
      if (values[flag] !== undefined) return usage(`--${flag} applies to generate only.`);
    }
    const imported = importChoice(values);
    if (!imported.ok) return usage(imported.message);
    return validateCommand(erdFile, io, imported.value);
  }
  if (!values.out && !values.zip) return usage('missing --out <dir> (or --zip <file>).');
  return generateCommand(erdFile, values, io);
}
