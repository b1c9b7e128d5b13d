import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration, NsisOptions } from 'electron-builder';

type Config = Configuration & Record<string, unknown>;
interface DebugLogger {
  readonly isEnabled: boolean;
}

// app-builder-lib and builder-util come with electron-builder: resolve them from there so the
// test validates with the very copies `npm run dist` runs, wherever npm placed them.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: Configuration, debugLogger: DebugLogger) => Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (isEnabled?: boolean) => DebugLogger };
const { LangConfigurator } = fromBuilder('app-builder-lib/out/targets/nsis/nsisLang.js') as {
  LangConfigurator: new (options: NsisOptions) => { readonly langs: string[] };
};

const configUrl = new URL('../../../build/electron-builder.json', import.meta.url);
const iconUrl = new URL('../../../build/icon.png', import.meta.url);

// A fresh copy each time: electron-builder's validator coerces types in place.
const loadConfig = (): Config => JSON.parse(readFileSync(configUrl, 'utf8')) as Config;
const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

describe('build/electron-builder.json', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(loadConfig())).resolves.toBeUndefined();
  });

  it('would be rejected with an unknown or misspelt key, at the root or nested', async () => {
    const config = loadConfig();
    await expect(validate({ ...config, appID: 'vn.daklak.chieng' } as Config)).rejects.toThrow(/unknown property 'appID'/);
    await expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } as NsisOptions })).rejects.toThrow(
      /Invalid configuration object/,
    );
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } as Configuration['electronFuses'] }),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app, with ASCII file and executable names', () => {
    const config = loadConfig();
    expect(config.appId).toBe('vn.daklak.chieng');
    expect(config.productName).toBe('Chiêng');
    expect(config.copyright).toMatch(/^Copyright © \d{4} \S/);
    expect([config.executableName, config.win?.executableName, config.linux?.executableName]).toEqual(['chieng', 'chieng', 'chieng']);
    const artifactNames = [config.artifactName, config.nsis?.artifactName, config.appImage?.artifactName, config.deb?.artifactName];
    for (const name of artifactNames) expect(name).toMatch(/^[\x21-\x7e]+$/);
    expect(config.nsis?.artifactName).toBe('Chieng-Setup-${version}.${ext}');
  });

  it('packs only the bundles and resources into an asar, never node_modules or source maps', () => {
    const config = loadConfig();
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.files).toEqual(['dist/**/*', '!**/*.map', 'resources/**/*', 'package.json', '!node_modules/**/*']);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('sets every Electron fuse', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('builds a per-user Windows installer in Vietnamese that keeps the data on uninstall', () => {
    const { win, nsis } = loadConfig();
    expect(win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      language: '1066',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Chiêng',
      // The uninstaller would otherwise remove %APPDATA%\chieng, which is the data folder.
      deleteAppDataOnUninstall: false,
    });
    expect(nsis?.uninstallDisplayName).toContain('Chiêng');
    // Asks electron-builder which languages the installer gets: with multiLanguageInstaller
    // false it ignores installerLanguages and ships English only.
    expect(new LangConfigurator(nsis ?? {}).langs).toEqual(['vi_VN']);
  });

  it('builds an AppImage and a deb for Linux with a Vietnamese desktop entry', () => {
    const { linux, deb } = loadConfig();
    expect(linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(['Office', 'Education']).toContain(linux?.category);
    expect(linux?.maintainer).toBe('Chiêng developers <chieng-dev@daklak.invalid>');
    expect(linux?.synopsis).toMatch(/\S/);
    expect(linux?.desktop?.entry).toMatchObject({ Name: 'Chiêng' });
    expect(deb?.packageName).toBe('chieng');
  });

  it('uses a 512×512 PNG icon with an alpha channel', () => {
    const config = loadConfig();
    expect([config.win?.icon, config.linux?.icon]).toEqual(['build/icon.png', 'build/icon.png']);
    const png = readFileSync(fileURLToPath(iconUrl));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    // Colour type 6 is RGBA: the corners around the round gong stay transparent.
    expect(png[25]).toBe(6);
  });
});
