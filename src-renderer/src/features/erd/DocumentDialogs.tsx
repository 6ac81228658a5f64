import { useStudio } from '@renderer/store';
import { resolveImport } from './import-actions';
import { discardRecovery, restoreRecovery } from './recovery';

/** Asks whether an imported schema replaces the open diagram or is merged into it. */
export function ImportChoice() {
  const pending = useStudio((s) => s.pendingImport);
  if (!pending) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label="Import">
        <p>
          Import {pending.name} ({pending.erd.entities.length} entities): replace the open diagram, or merge into it?
        </p>
        <button type="button" className="primary" onClick={() => void resolveImport('replace')}>
          Replace the diagram
        </button>
        <button type="button" onClick={() => void resolveImport('merge')}>
          Merge into it
        </button>
        <button type="button" onClick={() => void resolveImport('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Offers the recovery copy an earlier session left, saying when it was saved. */
export function RecoveryBanner() {
  const offer = useStudio((s) => s.recoveryOffer);
  if (!offer) return null;
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <div className="recovery-banner" role="region" aria-label="Recovery">
      <p>
        An unsaved diagram, <strong>{offer.name}</strong> ({offer.erd.entities.length} entities), was kept from an
        earlier session; saved at <time dateTime={new Date(offer.savedAt).toISOString()}>{when}</time>.
      </p>
      <button type="button" className="primary" onClick={restoreRecovery}>
        Restore
      </button>
      <button type="button" onClick={() => void discardRecovery()}>
        Discard
      </button>
    </div>
  );
}
