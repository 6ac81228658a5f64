/** The run feature's public face, for the shell; other features never import it. */
export { RunPanel } from './RunPanel';
export { cancelRun, followRuns, startRun } from './actions';
