// `npm start`: build the site, then serve it on http://localhost:4321.
import { root, runNode } from './lib/env.mjs';

const code = await runNode('node_modules/astro/bin/astro.mjs', ['build']);
if (code !== 0) process.exit(code);
const { serve } = await import('./serve.mjs');
const port = Number(process.env.PORT ?? 4321);
await serve({ dir: `${root}/dist`, port, host: process.env.HOST ?? 'localhost' });
console.log(`Course site: http://localhost:${port}/  (Ctrl+C to stop)`);
