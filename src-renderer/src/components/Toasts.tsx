import { useEffect } from 'react';
import { useStudio, type StudioState } from '@renderer/store';
import type { Toast } from '@renderer/store/app-slice';

const TOAST_MS = { error: 10_000, info: 4_000 };

const dismiss = (id: number) => useStudio.getState().dismissToast(id);

/** One message, with its own timer from when it appeared (another toast leaving does not reset it). */
function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [toast.id, toast.kind]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span>{toast.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

const selectToasts = (s: StudioState) => s.toasts;

/** Error and info messages; errors stay longer and are announced to screen readers at once. */
export function Toasts() {
  const toasts = useStudio(selectToasts);
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
