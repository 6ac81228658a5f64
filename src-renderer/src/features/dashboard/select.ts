/** Choosing the run whose charts the dashboard shows. */
import { studioState } from '@renderer/store';

export function selectRunOnDashboard(runId: string | null): void {
  studioState().selectRun(runId);
}
