import type { Configuration } from 'electron-builder';

/**
 * The Windows installer (issue 17). Built on a Windows machine with `npm run dist`, where
 * electron-builder downloads the Electron binary and NSIS; neither can be had here, so
 * test/unit/app/packaging.test.ts checks every setting below instead.
 */

/** The only native module: its Node-API prebuilds load in Electron as they are (no rebuild). */
export const nativeModule = 'better-sqlite3-multiple-ciphers';

/**
 * Production dependencies the packaged app never loads: React, React Router and AG Grid are
 * bundled into out/renderer by Vite, and tsx (with esbuild and its executables) only runs the
 * command line, which the installer does not ship. electron-builder copies every production
 * dependency unless a `files` pattern excludes it; the test checks that nothing main imports, nor
 * anything those modules need, is excluded.
 */
export const notShipped = [
  'react',
  'react-dom',
  'scheduler',
  'react-router',
  'cookie-es',
  '@remix-run/route-pattern',
  'ag-grid-community',
  'ag-grid-react',
  'ag-stack',
  'ag-charts-types',
  'prop-types',
  'react-is',
  'object-assign',
  'loose-envify',
  'js-tokens',
  'tsx',
  'esbuild',
  '@esbuild/*',
];

export default {
  appId: 'se.placeringskollen.app',
  productName: 'Placeringskollen',
  directories: { output: 'dist' },

  // Only the built app: out/ (main, preload, renderer) and package.json (its "main"); the
  // production node_modules are added by electron-builder and filtered by the '!' patterns.
  files: [
    'out/**/*',
    'package.json',
    // Source maps, the app's should they ever be turned on and the dependencies' (60 MB of them).
    '!**/*.{js,cjs,mjs,ts,css}.map',
    ...notShipped.map((name) => `!**/node_modules/${name}{,/**/*}`),
    // The native module's C sources, build leftovers and the other systems' prebuilds.
    `!**/node_modules/${nativeModule}/{deps,src,build}{,/**/*}`,
    `!**/node_modules/${nativeModule}/binding.gyp`,
    `!**/node_modules/${nativeModule}/prebuilds/{linux,linuxmusl,darwin}-*.node`,
  ],
  asar: { smartUnpack: false },
  // Only the native binary is outside app.asar; everything else, its JavaScript included, is read
  // from the archive, where the asar integrity fuse checks it.
  asarUnpack: [`**/node_modules/${nativeModule}/prebuilds/*.node`],
  // Prebuilds, never a compile: the build machine needs no compiler and Electron's headers.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  // Fuses: flipped by electron-builder itself (with @electron/fuses) before signing.
  electronFuses: {
    // No ELECTRON_RUN_AS_NODE: the exe cannot be used as a general Node.js (nothing here forks).
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The window loads app://placeringskollen/ (main/app/protocol.ts), never file://.
    grantFileProtocolExtraPrivileges: false,
    // Electron's default: no browser-process-specific V8 snapshot is shipped.
    loadBrowserProcessSpecificV8Snapshot: false,
  },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    // The assisted installer with its install-mode page: "only for me" (per-user, no
    // administrator) or "anyone who uses this computer" (per-machine, elevates when chosen).
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['sv_SE'],
    language: '1053',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Placeringskollen',
    // The register lives in the user's application data: uninstalling never deletes it.
    deleteAppDataOnUninstall: false,
    // Nothing is published, so no block map for differential updates.
    differentialPackage: false,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  // No auto-update: nothing is published and no update feed is written into the app.
  publish: null,
} satisfies Configuration;
