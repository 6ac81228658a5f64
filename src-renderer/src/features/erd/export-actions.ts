/**
 * Exporting the open document: as text through the core's exporters (DjForge JSON, DBML, SQL in
 * three dialects, Mermaid), or as a picture of the whole diagram (SVG, PNG) drawn from the
 * document itself, so what is off screen is in the picture too.
 */
import { call } from '@renderer/lib/call';
import { diagramSvg } from '@renderer/lib/flow/diagram-svg';
import { isDark } from '@renderer/lib/theme';
import { showError, studioState } from '@renderer/store';
import type { EXPORT_FORMATS } from '@shared/api';
import { boxSize } from '@renderer/lib/flow/box-geometry';
import { layoutSettled } from './auto-layout-action';
import { diagramOfErd } from './erd-diagram';

export type TextExportFormat = (typeof EXPORT_FORMATS)[number];
export type ImageExportFormat = 'svg' | 'png';

/** What the export menu offers, in its order. */
export const EXPORT_CHOICES: { value: TextExportFormat | ImageExportFormat; label: string }[] = [
  { value: 'djforge-erd', label: 'DjForge JSON' },
  { value: 'dbml', label: 'DBML' },
  { value: 'postgres', label: 'SQL (PostgreSQL)' },
  { value: 'mysql', label: 'SQL (MySQL)' },
  { value: 'sqlite', label: 'SQL (SQLite)' },
  { value: 'mermaid', label: 'Mermaid' },
  { value: 'svg', label: 'SVG image' },
  { value: 'png', label: 'PNG image' },
];

/** The largest side of a PNG export: browsers refuse bigger canvases. */
const MAX_PNG_SIDE = 16_000;

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(globalThis.document.createElement('a'), { href: url, download: fileName });
  globalThis.document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the document in `format` (DjForge JSON by default). */
export async function exportDocument(format: TextExportFormat | ImageExportFormat = 'djforge-erd'): Promise<void> {
  await layoutSettled();
  const { document } = studioState();
  if (!document) return;
  if (format === 'svg' || format === 'png') {
    await exportDiagramImage(format);
    return;
  }
  const exported = await call('exportErd', { erd: document.erd, format });
  if (!exported) return;
  const type = format === 'djforge-erd' || format === 'json' ? 'application/json' : 'text/plain';
  download(new Blob([exported.text], { type }), exported.fileName);
}

/** The whole diagram of the open document as SVG text, in the page's theme. */
export function documentSvg(): { svg: string; width: number; height: number } | null {
  const { document, theme } = studioState();
  if (!document) return null;
  return diagramSvg(diagramOfErd(document.erd), { dark: isDark(theme), sizeOf: (box) => boxSize(box) });
}

async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_PNG_SIDE / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(globalThis.document.createElement('canvas'), {
      width: Math.round(width * scale),
      height: Math.round(height * scale),
    });
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture is too large'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the whole diagram as an SVG or PNG picture. */
export async function exportDiagramImage(format: ImageExportFormat): Promise<void> {
  const drawn = documentSvg();
  const name = studioState().document?.erd.project.name ?? 'diagram';
  if (!drawn) return;
  try {
    const blob =
      format === 'svg'
        ? new Blob([drawn.svg], { type: 'image/svg+xml' })
        : await pngOf(drawn.svg, drawn.width, drawn.height);
    download(blob, `${name}.${format}`);
  } catch (e) {
    showError(`Cannot export the diagram as ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
