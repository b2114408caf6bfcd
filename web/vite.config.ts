import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/*
 * The single-page app. `npm run build:web` writes web/dist, which the Cairn server serves (with
 * index.html for every non-API path). `npm run dev:web` serves it with hot reload and passes /api
 * to a Cairn server on port 3000 (start one with `npm run cairn -- start`).
 *
 * The server's Content-Security-Policy allows scripts from 'self' only, so nothing here may put
 * an inline script into index.html.
 */
/** Text files this large or larger are also written brotli- and gzip-compressed, for the server to send as they are. */
const PRECOMPRESS_FROM_BYTES = 1024;
const TEXT_FILE = /\.(?:js|css|html|svg|json|txt|map)$/;

/**
 * Writes file.br and file.gz beside every text file of the build: the server sends them to
 * browsers that accept them (@fastify/static's preCompressed), compressed once, at the best level,
 * here rather than on every request.
 */
function precompress(): Plugin {
  return {
    name: 'cairn-precompress',
    apply: 'build',
    writeBundle(options) {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
      for (const file of walk(options.dir!)) {
        if (!TEXT_FILE.test(file)) continue;
        const content = fs.readFileSync(file);
        if (content.length < PRECOMPRESS_FROM_BYTES) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
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
