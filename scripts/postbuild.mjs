// Trunk post-build hook: finishes the static site in Trunk's staging folder.
// - Content-Security-Policy: only this site, plus the hash of the small
//   inline module script Trunk writes to start the app (it changes with
//   every build, so it is computed here).
// - import-worker-<hash>.js: the loader of the import worker.
// - sw.js: the service worker, listing every file of this build and
//   versioned by their content, so each deployment is a new version.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('postbuild.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const here = new URL('.', import.meta.url).pathname;

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) throw new Error('no inline start-up script found in index.html');
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).join(' ');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
// The import worker runs the app's own WebAssembly a second time, in a
// module worker; its loader names this build's files, and the app finds
// the loader (named by its content) through a meta tag.
const start = inline.join('\n');
const js = start.match(/from '\.\/(roundtable-[0-9a-f]+\.js)'/)?.[1];
const wasmFile = start.match(/module_or_path: '\.\/(roundtable-[0-9a-f]+_bg\.wasm)'/)?.[1];
if (!js || !wasmFile) throw new Error('the start-up script does not name the app\'s files');
const loaderText = `import init, { roundtable_worker_start } from './${js}';\nawait init({ module_or_path: './${wasmFile}' });\nroundtable_worker_start();\n`;
const loader = `import-worker-${createHash('sha256').update(loaderText).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, loader), loaderText);
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <meta name="roundtable-import-worker" content="./${loader}" />`);
writeFileSync(indexPath, html);

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((p) => p !== 'sw.js')
  .sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const urls = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
const sw = readFileSync(join(here, 'sw.template.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(urls));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`postbuild: CSP set; sw.js caches ${urls.length} files`);
