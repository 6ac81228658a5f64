/**
 * Flips Electron's fuses in a packaged app (run after packaging, before signing):
 * `npx tsx scripts/apply-fuses.ts <path to the packaged app's executable or .app>`.
 * The settings are `PACKAGED_FUSES` in `src-main/electron/fuses.ts`.
 */
import { existsSync } from 'node:fs';
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { PACKAGED_FUSES } from '../src-main/electron/fuses';

const target = process.argv[2];
if (!target || !existsSync(target)) {
  process.stderr.write(
    `apply-fuses: give the packaged app's executable (or .app folder); ${target ? `${target} does not exist` : 'none given'}.\n`,
  );
  process.exit(2);
}
await flipFuses(target, { ...PACKAGED_FUSES, resetAdHocDarwinSignature: process.platform === 'darwin' });
process.stdout.write(`Fuses set in ${target}:\n${JSON.stringify(await getCurrentFuseWire(target), null, 2)}\n`);
