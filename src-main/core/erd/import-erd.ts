/**
 * From the text of an ERD file to a normalized, validated model: parse, detect the format, import,
 * normalize, validate — collecting every diagnostic on the way and giving each a line:column in
 * the source text. The ERD is returned only when no diagnostic is an error.
 */
import type { Diagnostic } from '../../../src-shared/diagnostics';
import { hasErrors } from '../../../src-shared/diagnostics';
import type { Erd } from '../../../src-shared/erd/model';
import { detectFormat, type ErdFormat } from './detect-format';
import { ERD_CODES } from './diagnostic-codes';
import { importLegacy } from './import-legacy';
import { importNative } from './import-native';
import { importSeedV2 } from './import-seed-v2';
import type { ImporterOutput } from './importer';
import { lineColumnAt } from './json-scan';
import { parseJsonDocument } from './json-text';
import { normalizeErd } from './normalize';
import { error } from './report';
import { SourceMap } from './source-map';
import { validateErd } from './validate';

/** What importing a text gives: the ERD (null when any diagnostic is an error), its format and every diagnostic. */
export interface ImportResult {
  erd: Erd | null;
  format: ErdFormat | null;
  diagnostics: Diagnostic[];
}

/** Detects the format by content, imports, normalizes, validates. erd is null when there are errors. */
export function importErdText(text: string, fileName: string): ImportResult {
  const doc = parseJsonDocument(text, fileName);
  if (!doc.ok) return { erd: null, format: null, diagnostics: [doc.diagnostic] };
  const withFile = (d: Diagnostic): Diagnostic => ({ ...d, file: fileName });
  const duplicates = doc.scan.duplicateKeys.map(({ pointer, offset }) => {
    const key = String(pointer[pointer.length - 1]);
    const where = pointer.length > 1 ? ` in ${pointer.slice(0, -1).join('.')}` : '';
    const d = error(
      ERD_CODES.duplicateKey,
      pointer.join('.'),
      `The key ${JSON.stringify(key)} appears more than once${where}; JSON keeps only the last one, so rename or merge them.`,
    );
    return withFile({ ...d, ...lineColumnAt(doc.text, offset) });
  });
  const detection = detectFormat(doc.value);
  if (!detection.ok) {
    const map = new SourceMap(doc.text, doc.scan, true);
    return { erd: null, format: null, diagnostics: [...duplicates, withFile(map.locate(detection.diagnostic))] };
  }
  const { format, root } = detection;
  const map = new SourceMap(doc.text, doc.scan, format === 'djforge-erd');
  const imported: ImporterOutput =
    format === 'djforge-erd'
      ? importNative(root, map)
      : format === 'seed-v2'
        ? importSeedV2(root, fileName, map)
        : importLegacy(root, fileName, map);
  const diagnostics = [...imported.diagnostics];
  let erd = imported.erd;
  if (erd !== null) {
    const normalized = normalizeErd(erd);
    erd = normalized.erd;
    diagnostics.push(...normalized.diagnostics, ...validateErd(erd));
  }
  const located = [...duplicates, ...diagnostics.map((d) => withFile(map.locate(d)))];
  return { erd: hasErrors(located) ? null : erd, format, diagnostics: located };
}
