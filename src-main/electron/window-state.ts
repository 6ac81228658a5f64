/**
 * Remembering the window's size, position and maximised state between launches, and refusing a
 * saved position that no longer fits on any display (a monitor was unplugged).
 */
import type { Rectangle } from 'electron';
import { z } from 'zod';

export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

const overlaps = (a: Rectangle, b: Rectangle) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The saved state if valid and at least partly on a display; otherwise null (use defaults). */
export function restoreWindowState(saved: unknown, displays: readonly Rectangle[]): WindowState | null {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return null;
  return displays.some((d) => overlaps(parsed.data, d)) ? parsed.data : null;
}

/** Document title and dirty marker, as the title bar shows them. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '• ' : ''}${name} — DjForge Studio`;
}
