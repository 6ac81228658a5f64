/** The ERD feature's public face, for the shell; other features never import it. */
export { ErdWorkspace } from './ErdWorkspace';
export { RecentFiles } from './RecentFiles';
export { exportDocument } from './export-actions';
export { importFile } from './import-actions';
export { offerRecovery, startAutosave } from './recovery';
export {
  loadBlankDocument,
  newDocument,
  openDocument,
  redoEdit,
  refreshRecentFiles,
  reportDocumentState,
  saveDocument,
  undoEdit,
} from './actions';
