import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/*
 * The single-page app. `npm run build:web` writes web/dist, which the Cairn server serves (with
 * index.html for every non-API path). `npm run dev:web` serves it with hot reload and passes /api
 * to a Cairn server on port 3000 (start one with `npm run cairn -- start`).
 *
 * The server's Content-Security-Policy allows scripts from 'self' only, so nothing here may put
 * an inline script into index.html.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline modulepreload polyfill: every script must come from a file.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change less often than Cairn: their own files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize|@tabler)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.CAIRN_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
