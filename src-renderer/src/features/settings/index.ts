/** The settings feature's public face, for the shell; other features never import it. */
export { SettingsWorkspace } from './SettingsWorkspace';
export { loadSettings, toggleTheme } from './actions';
