/**
 * `djforge stats`: the run history (the app's and the CLI's, in the shared data folder) as the
 * Dashboard shows it, printed — or as JSON for scripts, or exported as CSV/JSON.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyDashboard } from '../core/history/dashboard';
import { exportHistory } from '../core/history/export';
import { historyLog } from '../core/history/history-log';
import { fileSettingsStore } from '../core/settings/file-settings-store';
import { EXIT } from './common';
import { cliDataDir } from './history-record';
import type { CliIo } from './io';
import { statsText } from './stats-print';

export const STATS_HELP = `Usage: djforge stats [--last <n>] [--erd <name>] [--engine template|llm] [--json]
       djforge stats --export csv|json [filters]

Print the recorded runs as the Dashboard shows them: the latest run rated against the baselines
(excellent, good, needs attention), time per agent, cache, per-model latency, failures, tokens
and cost, the trend of the matching runs, and recommendations with the numbers behind them.

Options:
      --last <n>         Only the last n matching runs
      --erd <name>       Only runs of this ERD (project name, or a prefix of its hash)
      --engine <name>    Only runs of this engine (template or llm)
      --json             Print the dashboard (runs, ratings, recommendations) as JSON
      --export <format>  Print the matching runs as csv or json (every recorded figure)
      --data-dir <dir>   The history's folder (default: DJFORGE_DATA_DIR or the app's folder)
  -h, --help             Show this help
`;

export async function statsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`djforge stats: ${message}\nRun "djforge stats --help" for usage.\n`);
    return EXIT.usage;
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        last: { type: 'string' },
        erd: { type: 'string' },
        engine: { type: 'string' },
        json: { type: 'boolean' },
        export: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) {
    io.stdout(STATS_HELP);
    return EXIT.ok;
  }
  const last = values.last === undefined ? undefined : Number(values.last);
  if (values.last !== undefined && (!/^\d+$/.test(values.last) || !last))
    return usage(`--last must be a whole number of runs from 1, got "${values.last}".`);
  if (values.engine !== undefined && values.engine !== 'template' && values.engine !== 'llm')
    return usage(`--engine must be template or llm, got "${values.engine}".`);
  if (values.export !== undefined && values.export !== 'csv' && values.export !== 'json')
    return usage(`--export must be csv or json, got "${values.export}".`);
  if (values.export && values.json) return usage('--json and --export cannot be combined.');
  if (values.erd !== undefined && values.erd.trim() === '') return usage('--erd needs an ERD name.');

  const dataDir = values['data-dir'] ? path.resolve(io.cwd, values['data-dir']) : cliDataDir(io);
  const filter = {
    ...(values.erd ? { erd: values.erd } : {}),
    ...(values.engine ? { engine: values.engine as 'template' | 'llm' } : {}),
    ...(last ? { last } : {}),
  };
  const read = await historyLog(dataDir).read();
  for (const warning of read.warnings) io.stderr(`warning: ${warning}\n`);
  const { settings } = await fileSettingsStore(path.join(dataDir, 'settings.json')).load();
  const dashboard = historyDashboard(read, filter, settings.baselines, settings.prices);
  if (values.export) {
    io.stdout(exportHistory(dashboard.records, values.export as 'csv' | 'json').text);
  } else if (values.json) {
    io.stdout(JSON.stringify(dashboard, null, 2) + '\n');
  } else {
    io.stdout(statsText(dashboard, path.join(dataDir, 'history')));
  }
  return EXIT.ok;
}
