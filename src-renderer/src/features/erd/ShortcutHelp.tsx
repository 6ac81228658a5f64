/** The keyboard shortcuts of the editor, by action (also the buttons' tooltips). */
export const SHORTCUTS = {
  add: 'N, or double-click the canvas',
  delete: 'Delete or Backspace',
  duplicate: 'Ctrl/Cmd+D',
} as const;

const ROWS: [string, string][] = [
  ['Add an entity', SHORTCUTS.add],
  ['Delete the selection (or the field shown in the inspector)', SHORTCUTS.delete],
  ['Duplicate the selected entities', SHORTCUTS.duplicate],
  ['Select every entity', 'Ctrl/Cmd+A'],
  ['Copy, paste the selected entities (a pasted schema is imported)', 'Ctrl/Cmd+C, Ctrl/Cmd+V'],
  ['Select more', 'Shift/Ctrl/Cmd+click, or Shift+drag a box'],
  ['Move the selection by a grid step (five with Shift)', 'Arrow keys'],
  ['Draw a relation', 'Drag from an entity’s right handle or a row to another entity'],
  ['Lay the diagram out automatically', 'L'],
  ['Undo', 'Ctrl/Cmd+Z'],
  ['Redo', 'Shift+Ctrl/Cmd+Z or Ctrl+Y'],
  ['Zoom in, out', '+ and −, the mouse wheel, pinch, or the buttons'],
  ['Zoom to 100 %', '0'],
  ['Fit the whole diagram in view', 'Shift+1'],
  ['Pan', 'Drag the empty canvas, or arrow keys with nothing selected (farther with Shift)'],
  ['Clear the selection, close this', 'Escape'],
  ['Show or hide this list', '?'],
];

/** The `?` overlay listing every shortcut. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts">
      <table>
        <tbody>
          {ROWS.map(([action, keys]) => (
            <tr key={action}>
              <td>{action}</td>
              <td>
                <kbd>{keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
