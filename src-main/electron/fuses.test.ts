import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { PACKAGED_FUSES } from './fuses';

describe('the fuses flipped in the packaged app', () => {
  it('turn off Node entry points and turn on cookie encryption and asar integrity', () => {
    expect(PACKAGED_FUSES.version).toBe(FuseVersion.V1);
    expect(PACKAGED_FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(PACKAGED_FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(PACKAGED_FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(PACKAGED_FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(PACKAGED_FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(PACKAGED_FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(PACKAGED_FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('set every fuse this Electron knows, so a new one cannot slip in at its default', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(PACKAGED_FUSES.strictlyRequireAllFuses).toBe(true);
    for (const fuse of known) expect(typeof PACKAGED_FUSES[fuse as FuseV1Options], FuseV1Options[fuse]).toBe('boolean');
  });
});
