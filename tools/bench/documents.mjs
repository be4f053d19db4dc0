// Uploading and downloading a 20 MB document through the built API, with the API's resident
// memory sampled every 20 ms while each runs: the bytes stream through (busboy on the raw request
// in, one 512 KiB chunk at a time out), so the API's memory should not grow by the file's size.
// `npm run bench` runs it against its API (PostgreSQL storage); on its own it starts the API in
// demo mode on an embedded PostgreSQL of its own, and again with S3_* set against s3rver:
//
//   npm run build && node tools/bench/documents.mjs [--runs 3] [--storage postgres,s3]
//     [--main dist/apps/api/main.js] [--port 3474]
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { apiNodeFlags } from './database.mjs';
import { signIn } from './session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The largest document the API takes (DOCUMENT_MAX_BYTES). */
export const DOCUMENT_BYTES = 20 * 1024 * 1024;
const DEMO_PASSWORD = 'Skolverktyg-2026';

function residentMb(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
}

/** Runs `work` while sampling the process's resident memory; returns its time and the peak. */
async function sampled(pid, work) {
  let peak = residentMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMb(pid));
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return { ...result, ms: performance.now() - started, peakMb: Math.max(peak, residentMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** A 20 MB "PDF": the header, then random bytes (incompressible, as real PDFs mostly are). */
function twentyMegabytePdf() {
  const bytes = randomBytes(DOCUMENT_BYTES);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/**
 * Uploads and downloads a 20 MB document `runs` times as `headers` (procurement) on the
 * agreement, checking the bytes come back unchanged; logs time and the API's memory.
 */
export async function measureDocuments({ base, headers, agreementId, pid, runs = 3, label, log }) {
  const pdf = twentyMegabytePdf();
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const rows = [];
  for (let run = 0; run < runs; run += 1) {
    await sleep(300);
    const before = residentMb(pid);
    const upload = await sampled(pid, async () => {
      const form = new FormData();
      form.append('kind', 'SIGNED_AGREEMENT');
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'bench-avtal.pdf');
      const response = await fetch(`${base}/api/agreements/${agreementId}/documents`, {
        method: 'POST',
        headers,
        body: form,
      });
      if (response.status !== 201) {
        throw new Error(`upload: ${response.status} ${await response.text()}`);
      }
      return { id: (await response.json()).id };
    });
    const download = await sampled(pid, async () => {
      const response = await fetch(`${base}/api/documents/${upload.id}/content`, { headers });
      if (!response.ok) throw new Error(`download: ${response.status}`);
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of response.body) {
        hash.update(chunk);
        bytes += chunk.length;
      }
      if (bytes !== pdf.length || hash.digest('hex') !== sha256) {
        throw new Error(`download: ${bytes} bytes, not the ${pdf.length} uploaded`);
      }
      return {};
    });
    // Each run's document goes again, so that runs start alike.
    await fetch(`${base}/api/documents/${upload.id}`, { method: 'DELETE', headers });
    rows.push({ before, upload, download });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const mbPerS = (ms) => DOCUMENT_BYTES / 2 ** 20 / (ms / 1000);
  const uploadMs = median(rows.map((row) => row.upload.ms));
  const downloadMs = median(rows.map((row) => row.download.ms));
  const before = median(rows.map((row) => row.before));
  const peak = Math.max(...rows.flatMap((row) => [row.upload.peakMb, row.download.peakMb]));
  log(
    `documents${label ? ` (${label})` : ''}: 20 MB upload ${uploadMs.toFixed(0)} ms ` +
      `(${mbPerS(uploadMs).toFixed(0)} MB/s), download ${downloadMs.toFixed(0)} ms ` +
      `(${mbPerS(downloadMs).toFixed(0)} MB/s), median of ${runs}; API resident memory ` +
      `${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB during ` +
      `(+${(peak - before).toFixed(0)} MB); bytes checked by SHA-256`,
  );
  return { uploadMs, downloadMs, beforeMb: before, peakMb: peak };
}

async function waitForHealth(base, api) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (api.exitCode !== null) throw new Error('The API stopped while starting');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${base} did not become healthy`);
}

/** The built API in demo mode on an embedded PostgreSQL in `dataDir`, as `npm start` runs it. */
async function startApi({ main, port, dataDir, env = {} }) {
  const api = spawn('node', [...apiNodeFlags(root), main, '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REMINDER_SCAN_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, api);
  return {
    api,
    base,
    stop: async () => {
      api.kill('SIGTERM');
      if (api.exitCode === null) await new Promise((resolve) => api.once('exit', resolve));
    },
  };
}

async function startS3rver() {
  const { default: S3rver } = await import('s3rver');
  const directory = mkdtempSync(join(tmpdir(), 'licensregistret-bench-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'dokument' }],
  });
  const { port } = await server.run();
  return {
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'dokument',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      storage: { type: 'string', default: 'postgres,s3' },
      main: { type: 'string', default: 'dist/apps/api/main.js' },
      port: { type: 'string', default: '3474' },
    },
  });
  const log = (message) => process.stdout.write(`${message}\n`);
  const dataDir = join(root, '.data', 'bench-documents');
  for (const storage of args.storage.split(',')) {
    const s3 = storage === 's3' ? await startS3rver() : null;
    const { api, base, stop } = await startApi({
      main: args.main,
      port: Number(args.port),
      dataDir,
      env: s3?.env ?? {},
    });
    try {
      const headers = await signIn(base, 'upphandlare', DEMO_PASSWORD);
      const agreements = await (await fetch(`${base}/api/agreements?limit=1`, { headers })).json();
      await measureDocuments({
        base,
        headers,
        agreementId: agreements.rows[0].id,
        pid: api.pid,
        runs: Number(args.runs),
        label: storage === 's3' ? 'S3 storage, s3rver' : 'PostgreSQL storage',
        log,
      });
    } finally {
      await stop();
      await s3?.stop();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
