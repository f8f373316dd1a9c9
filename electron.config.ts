import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron processes. The browser host and the CLI run the
// same TypeScript sources directly under tsx, so only the Electron shell needs bundling.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/app/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may only require('electron'): bundle everything else in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles readable; the renderer is 2 MB that way, a third minified.
      minify: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // AG Grid is a third of the renderer: a chunk of its own, loaded with the page as before.
        // It must not take zod or the contract with it: renderer/src/csp.ts configures zod before
        // any schema is built, and a chunk the entry imports runs before the entry's own code.
        output: { codeSplitting: { groups: [{ name: 'ag-grid', test: /node_modules[\\/]ag-grid-/ }] } },
      },
    },
  },
});
