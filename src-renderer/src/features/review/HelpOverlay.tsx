import { useStudio } from '@renderer/store';
import { REVIEW_SHORTCUTS } from './keyboard';

/** Every shortcut of the review, opened with `?`. */
export function HelpOverlay() {
  const open = useStudio((s) => s.helpOpen);
  if (!open) return null;
  return (
    <div className="help-overlay" role="dialog" aria-label="Review shortcuts">
      <h3>Review shortcuts</h3>
      <table>
        <tbody>
          {REVIEW_SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => useStudio.getState().setHelpOpen(false)}>
        Close
      </button>
    </div>
  );
}
