/** The dashboard feature's public face, for the shell; other features never import it. */
export { DashboardWorkspace } from './DashboardWorkspace';
export { followHistory, refreshHistory } from './actions';
