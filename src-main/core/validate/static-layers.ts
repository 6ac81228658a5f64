/**
 * The four static layers over analyzed modules, as one pure function: syntax, then semantic,
 * best-practice and security on every module that parsed. Pure, so the rules are tested against
 * analyzer output without spawning anything.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { bestPracticeFindings } from './best-practice-layer';
import { buildIndex } from './project-index';
import { securityFindings } from './security-layer';
import { coverageFindings } from './semantic-coverage';
import { metaFieldFindings, relationTargetFindings } from './semantic-fields';
import { importFindings } from './semantic-imports';
import { lookupFindings } from './semantic-lookups';
import { driftFindings, nameFindings } from './semantic-names';
import { routeFindings, urlTable } from './semantic-routes';
import { syntaxFindings } from './syntax-layer';
import { finding, type Finding, type PyModule } from './types';

/** Findings of the syntax, semantic (with ERD coverage when `erd` is given), best-practice and security layers. */
export function staticFindings(modules: readonly PyModule[], erd?: Erd): Finding[] {
  const out: Finding[] = modules.flatMap(syntaxFindings);
  const index = buildIndex(modules);
  const table = urlTable(index);
  for (const m of index.modules.values()) {
    out.push(
      ...importFindings(index, m),
      ...metaFieldFindings(index, m),
      ...relationTargetFindings(index, m),
      ...routeFindings(index, m, table),
      ...nameFindings(m),
      ...lookupFindings(index, m),
    );
  }
  if (erd) out.push(...coverageFindings(index, erd, table), ...driftFindings(index, erd));
  // A file that parsed but could not be described (nested too deeply) was judged by no rule.
  for (const m of modules) {
    if (m.syntax || index.modules.has(m.path)) continue;
    out.push(
      finding(
        'security',
        'error',
        'security.unjudged',
        m.path,
        { line: 1 },
        'The file parses but is nested too deeply for the rules to judge it, so it cannot be approved without a review.',
      ),
    );
  }
  for (const m of index.modules.values()) out.push(...bestPracticeFindings(index, m), ...securityFindings(m));
  return out;
}
