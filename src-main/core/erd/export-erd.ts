/**
 * One entry point for writing an ERD in every format DjForge exports: its own JSON, DBML, SQL DDL
 * (PostgreSQL — also what `sql` means —, MySQL, SQLite) and Mermaid, with the file extension each
 * format conventionally uses.
 */
import type { Erd } from '../../../src-shared/erd/model';
import { exportDbml } from './export-dbml';
import { exportMermaid } from './export-mermaid';
import { exportSql } from './export-sql';
import { serializeErd } from './serialize';

export const EXPORT_FORMATS = ['json', 'dbml', 'sql', 'postgres', 'mysql', 'sqlite', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The conventional extension of a file in `format`. */
export function exportExtension(format: ExportFormat): string {
  if (format === 'json') return '.json';
  if (format === 'dbml') return '.dbml';
  if (format === 'mermaid') return '.mmd';
  return '.sql';
}

/** `erd` written in `format`. */
export function exportErdAs(erd: Erd, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return serializeErd(erd);
    case 'dbml':
      return exportDbml(erd);
    case 'mermaid':
      return exportMermaid(erd);
    case 'sql':
      return exportSql(erd, 'postgres');
    default:
      return exportSql(erd, format);
  }
}
