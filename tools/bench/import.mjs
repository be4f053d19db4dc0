// `node tools/bench/import.mjs`: importing a workbook of 1,000 agreements and 3,000 licences
// (with their 100 suppliers and 300 services) through POST /api/imports on the built API,
// started as `npm start` starts it (same Node flags), into a database of its own on the bench's
// PostgreSQL (.data/bench; fresh each run, 120 school units). Prints the workbook's size, the
// time of the dry run, of the import, and of a second import of the same file (everything
// unchanged), and the API's resident memory before and at its peak (sampled every 20 ms, and
// the kernel's VmHWM).
//
//   npm run build && node tools/bench/import.mjs [--agreements 1000] [--licences 3000]
//     [--main dist/apps/api/main.js]
// BENCH_CPU_PROF=<dir> writes the API's CPU profile there when it stops.
import { hash } from '@node-rs/argon2';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { apiNodeFlags, apiUrlOf, openBenchServer } from './database.mjs';
import { signIn } from './session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    agreements: { type: 'string', default: '1000' },
    licences: { type: 'string', default: '3000' },
    main: { type: 'string', default: 'dist/apps/api/main.js' },
    port: { type: 'string', default: '3474' },
  },
});
const log = (message) => process.stdout.write(`${message}\n`);
const base = `http://127.0.0.1:${args.port}`;
const DATABASE = 'licensregistret_bench_import';
const PASSWORD = 'bench import password';
const AGREEMENTS = Number(args.agreements);
const LICENCES = Number(args.licences);
const SUPPLIERS = Math.max(1, Math.round(AGREEMENTS / 10));
const SERVICES = SUPPLIERS * 3;
const UNITS = 120;

function residentMb(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
}

/** A valid organisation number (Luhn check digit), different for each n. */
function organisationNumber(n) {
  const digits = `55${String(100000 + n).slice(-6)}0`.slice(0, 9);
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let digit = Number(digits[8 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}

async function freshDatabase(benchUrl) {
  const adminUrl = new URL(benchUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(benchUrl);
  url.pathname = `/${DATABASE}`;
  await new Promise((done, fail) => {
    const migrate = spawn('node', ['dist/apps/api/migrate.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    migrate.on('exit', (code) => (code === 0 ? done() : fail(new Error('migration failed'))));
  });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const passwordHash = await hash(PASSWORD);
  await client.query(`
    INSERT INTO municipality (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Importköping');
    INSERT INTO administration (id, municipality_id, name)
      VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001',
              'Utbildningsförvaltningen');
    INSERT INTO school_unit (administration_id, name, code, school_forms, compulsory_stages,
                             pupil_count, network_group)
    SELECT '00000000-0000-4000-8000-000000000002', 'Skola ' || lpad(i::text, 3, '0'),
           lpad((20000000 + i)::text, 8, '0'), ARRAY['GR'], ARRAY['F-3', '4-6'], 300, 'Norr'
      FROM generate_series(1, ${UNITS}) AS i;
    INSERT INTO account (username, display_name, email, roles, password_hash)
      VALUES ('bench.import', 'Bench Objektägare', 'import@bench.invalid', ARRAY['OBJECT_MANAGER'],
              '${passwordHash}');`);
  await client.end();
  return url.toString();
}

/** The workbook, with the exports' headers as the template gives them. */
async function workbook(template) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template);
  const headers = Object.fromEntries(
    book.worksheets.map((sheet) => [sheet.name, sheet.getRow(1).values.slice(1)]),
  );
  const add = (name, row) =>
    book.getWorksheet(name).addRow(headers[name].map((header) => row[header] ?? null));
  for (let s = 1; s <= SUPPLIERS; s += 1) {
    add('Leverantörer', {
      Namn: `Leverantör ${s} AB`,
      Organisationsnummer: organisationNumber(s),
      Kontaktperson: `Kontakt ${s}`,
      'E-post': `kontakt${s}@leverantor.example`,
      Webbadress: `https://leverantor${s}.example`,
    });
  }
  for (let t = 1; t <= SERVICES; t += 1) {
    add('Tjänster', {
      Namn: `Tjänst ${t}`,
      'Leverantörens organisationsnummer': organisationNumber(((t - 1) % SUPPLIERS) + 1),
      Kategori: 'Läromedel',
      Beskrivning: `Digitalt läromedel nummer ${t}`,
      Skolformer: 'Grundskola',
      Språk: 'svenska',
      Inloggning: 'Federation (Skolfederation)',
      Personuppgifter: 'Elevers vanliga personuppgifter',
      'Lagring av data': 'Sverige',
      Katalogstatus: 'Godkänd',
    });
  }
  for (let a = 1; a <= AGREEMENTS; a += 1) {
    add('Avtal', {
      Avtalsnummer: `AV-${String(a).padStart(5, '0')}`,
      Diarienummer: `BOU 2026/${a}`,
      Upphandlingsform: 'Avrop på ramavtal',
      Undertecknat: new Date(Date.UTC(2026, 0, 10)),
      Startdatum: new Date(Date.UTC(2026, 1, 1)),
      Slutdatum: new Date(Date.UTC(2028 + (a % 3), 0, 31)),
      'Förnyas automatiskt': a % 2 ? 'Ja' : 'Nej',
      'Årskostnad (kr)': 10000 + a * 10.5,
      Kostnadsmodell: 'Per elev',
      'Leverantörens organisationsnummer': organisationNumber(((a - 1) % SUPPLIERS) + 1),
      Förlängningsoptioner: 2,
      'Månader per förlängning': 12,
      'Utnyttjade förlängningar': 0,
      'Uppsägningstid (månader)': 6,
      'Framförhållning (dagar)': 60,
      'Personuppgiftsbiträdesavtal finns': 'Ja',
    });
  }
  for (let l = 0; l < LICENCES; l += 1) {
    const a = (l % AGREEMENTS) + 1;
    const supplier = ((a - 1) % SUPPLIERS) + 1;
    // Each agreement's licences are for different services of its supplier.
    const service = supplier + SUPPLIERS * (Math.floor(l / AGREEMENTS) % 3);
    const units = [0, 1, 2].map(
      (k) => `Skola ${String(((l * 3 + k) % UNITS) + 1).padStart(3, '0')}`,
    );
    add('Licenser', {
      Tjänst: `Tjänst ${service}`,
      Avtalsnummer: `AV-${String(a).padStart(5, '0')}`,
      Omfattning: 'Namngivna skolenheter',
      Skolenheter: units.join(', '),
      'Antal platser': 500,
      'Platser i bruk': 100,
      Startdatum: '2026-02-01',
      Slutdatum: '2027-12-31',
      'Leverantörens organisationsnummer': organisationNumber(supplier),
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function main() {
  const server = await openBenchServer(root);
  const url = await freshDatabase(server.url);
  const api = spawn(
    'node',
    [
      ...apiNodeFlags(root),
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      resolve(root, args.main),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATABASE_APP_URL: apiUrlOf(url),
        PORT: args.port,
        NODE_ENV: 'production',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        REMINDER_SCAN_MINUTES: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (attempt > 300) throw new Error('The API did not become healthy.');
      await sleep(200);
    }
    const headers = await signIn(base, 'bench.import', PASSWORD);
    const template = await fetch(`${base}/api/imports/template`, { headers });
    const file = await workbook(Buffer.from(await template.arrayBuffer()));
    const body = (dryRun) =>
      JSON.stringify({ dryRun, files: [{ name: 'avtal.xlsx', content: file.toString('base64') }] });
    await sleep(1000);
    const before = residentMb(api.pid);
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, residentMb(api.pid));
        await sleep(20);
      }
    })();
    const timed = async (label, dryRun) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/imports`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: body(dryRun),
      });
      const report = await response.json();
      const seconds = (performance.now() - started) / 1000;
      if (!response.ok || (report.problems ?? report.report?.problems)?.length) {
        throw new Error(`${label}: ${response.status} ${JSON.stringify(report).slice(0, 2000)}`);
      }
      const counts = report.sheets
        .map((s) => `${s.sheet} ${s.created}/${s.updated}/${s.unchanged}`)
        .join(', ');
      log(`  ${label}: ${seconds.toFixed(2)} s (new/changed/unchanged: ${counts})`);
    };
    log(
      `Import of ${AGREEMENTS.toLocaleString('en')} agreements, ${LICENCES.toLocaleString('en')} licences, ` +
        `${SUPPLIERS} suppliers, ${SERVICES} services (${(file.length / 1024).toFixed(0)} KiB .xlsx, ${args.main}):`,
    );
    await timed('dry run', true);
    await timed('import', false);
    await timed('re-import, unchanged', false);
    sampling = false;
    await sampler;
    log(
      `  API resident before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB ` +
        `(VmHWM ${residentMb(api.pid, 'VmHWM').toFixed(0)} MB)`,
    );
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
