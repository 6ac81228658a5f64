/**
 * Electron's fuses for the packaged app, flipped in the binary after packaging by
 * `scripts/apply-fuses.ts`: the app cannot be run as plain Node (`ELECTRON_RUN_AS_NODE`), takes
 * no `NODE_OPTIONS` and no `--inspect`, encrypts its cookies, and loads its code only from an
 * asar archive whose integrity is checked. `file://` gets no extra privileges (the page comes
 * from `app://`). Every fuse is set explicitly, so a new one in a later Electron fails loudly.
 */
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

export const PACKAGED_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;
