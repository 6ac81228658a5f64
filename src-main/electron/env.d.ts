/** What electron-vite fixes at build time in the main process (`import.meta.env.DEV`). */
interface ImportMetaEnv {
  readonly DEV: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
