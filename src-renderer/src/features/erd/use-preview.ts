/**
 * The live preview of the selected entity, asked of the host a moment after the document or the
 * selection changes (the host re-plans only the parts whose slice changed); a stale answer is
 * dropped, and an error (a document with problems) is shown in place of the code.
 */
import { useEffect, useState } from 'react';
import { callResult } from '@renderer/lib/call';
import type { MethodOutput } from '@shared/api';
import type { Erd } from '@shared/erd/model';

const DELAY_MS = 120;

export type Preview = MethodOutput<'previewEntity'>;

export function usePreview(erd: Erd | null, entity: string | null): { preview: Preview | null; error: string | null } {
  const [answer, setAnswer] = useState<{ preview: Preview | null; error: string | null }>({
    preview: null,
    error: null,
  });
  useEffect(() => {
    if (!erd || !entity) return;
    let stale = false;
    const timer = setTimeout(() => {
      void callResult('previewEntity', { erd, entity }).then((r) => {
        if (stale) return;
        setAnswer(r.ok ? { preview: r.value, error: null } : { preview: null, error: r.error.message });
      });
    }, DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [erd, entity]);
  return answer;
}
