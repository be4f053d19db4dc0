// After the web app's build: a brotli (.br) and a gzip (.gz) copy beside every text asset, made
// once at the highest levels, so that the API sends them as they are (@fastify/static with preCompressed)
// instead of compressing on every request.
//
//   node tools/build/compress-web.mjs dist/apps/web/browser
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.webmanifest',
  '.ico',
  '.map',
]);
// Below this a compressed answer saves less than a packet.
const MIN_BYTES = 1024;

function* files(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const directory = process.argv[2];
if (!directory) {
  process.stderr.write('usage: compress-web.mjs <directory>\n');
  process.exit(2);
}
let raw = 0;
let brotli = 0;
let count = 0;
for (const path of files(directory)) {
  if (!TEXT.has(extname(path))) continue;
  const body = readFileSync(path);
  if (body.length < MIN_BYTES) continue;
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
  count += 1;
}
process.stdout.write(
  `compressed ${count} files: ${(raw / 1024).toFixed(0)} kB, ${(brotli / 1024).toFixed(0)} kB as brotli\n`,
);
