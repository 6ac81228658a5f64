/**
 * Never losing a diagram: while the open document has unsaved changes, a recovery copy goes to the
 * host's data folder every few seconds; the next start offers it back (with when it was saved);
 * saving, or discarding the changes on purpose, forgets it. In a browser the page also asks
 * before it is closed with unsaved changes (Electron asks in its own close prompt).
 */
import { call, callResult } from '@renderer/lib/call';
import { showError, studioState, useStudio } from '@renderer/store';
import type { Erd } from '@shared/erd/model';

/** How often a changed document is copied, in milliseconds. */
export const AUTOSAVE_MS = 3000;

/**
 * Starts keeping the recovery copy; returns the function that stops it. A failure to write the
 * copy is shown once, not every few seconds.
 */
export function startAutosave(everyMs = AUTOSAVE_MS): () => void {
  let copied: Erd | null = null;
  let failed = false;
  let writing = false;
  const timer = setInterval(() => {
    const { document, dirty, recoveryOffer } = studioState();
    if (!document || !dirty || recoveryOffer || writing || document.erd === copied) return;
    const erd = document.erd;
    writing = true;
    void callResult('saveRecoveryCopy', { erd, name: document.name }).then((result) => {
      writing = false;
      if (result.ok) {
        copied = erd;
        failed = false;
      } else if (!failed) {
        failed = true;
        showError(`The recovery copy could not be kept: ${result.error.message}`);
      }
    });
  }, everyMs);
  // Saved, or changes discarded on purpose (a new or another document): the copy is not needed.
  const unsubscribe = useStudio.subscribe((next, prev) => {
    if (prev.dirty && !next.dirty) {
      copied = null;
      void callResult('discardRecoveryCopy', {});
    }
  });
  const onUnload = (e: BeforeUnloadEvent) => {
    const { dirty, info } = studioState();
    if (dirty && info?.nativeDialogs === false) e.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  return () => {
    clearInterval(timer);
    unsubscribe();
    window.removeEventListener('beforeunload', onUnload);
  };
}

/** Looks for a recovery copy left by an earlier session and offers it. */
export async function offerRecovery(): Promise<void> {
  // Silent when it fails: the page's first calls already say when the host cannot be reached.
  const copy = await callResult('loadRecoveryCopy', {});
  if (copy.ok && copy.value && copy.value.erd.entities.length > 0) studioState().setRecoveryOffer(copy.value);
}

/** Puts the offered copy in place as an unsaved document. */
export function restoreRecovery(): void {
  const offer = studioState().recoveryOffer;
  if (!offer) return;
  studioState().setRecoveryOffer(null);
  studioState().restoreDocument({
    path: null,
    file: null,
    name: offer.name,
    format: 'djforge-erd',
    erd: offer.erd,
    diagnostics: [],
  });
  studioState().setWorkspace('erd');
}

/** Forgets the offered copy for good. */
export async function discardRecovery(): Promise<void> {
  studioState().setRecoveryOffer(null);
  await call('discardRecoveryCopy', {});
}
