import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { PROBLEM_TYPES } from '@licensregistret/domain';

import { createTestApp } from '../../test/test-app';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD } from '../demo/demo-data';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../../../..');
const PROGRAM = join(__dirname, 'client-check', 'client.mts');

/**
 * A consumer's view of the contract: types generated from the served document with
 * openapi-typescript, a program using them through openapi-fetch compiled with tsc --strict
 * (no cast, no type of its own), then run against the API on the demo municipality.
 */
describe('a client generated from /api/docs-json', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let dir: string;

  beforeAll(async () => {
    app = await createTestApp({ demoData: true });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // Inside the repository (tmp/ is ignored), so the program finds node_modules.
    await mkdir(join(ROOT, 'tmp'), { recursive: true });
    dir = await mkdtemp(join(ROOT, 'tmp', 'openapi-client-'));
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is written without casts or types of its own', async () => {
    const code = (await readFile(PROGRAM, 'utf8'))
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).toMatch(/createClient<paths>/);
    expect(code).not.toMatch(/\bas\s+[\w{[]|<\w+>\s*\w|\bany\b|\binterface\b|\btype\s+\w+\s*=/);
  });

  it('compiles with tsc --strict, signs in, moves a request and reads its 409', async () => {
    const document = await (await fetch(`${baseUrl}/api/docs-json`)).text();
    await writeFile(join(dir, 'docs-json.json'), document);
    await run(process.execPath, [
      join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
      join(dir, 'docs-json.json'),
      '--output',
      join(dir, 'api.d.ts'),
    ]);
    await copyFile(PROGRAM, join(dir, 'client.mts'));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          types: ['node'],
          skipLibCheck: true,
          noEmitOnError: true,
          outDir: 'out',
        },
        files: ['client.mts'],
      }),
    );
    const compiled = await run(process.execPath, [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(dir, 'tsconfig.json'),
    ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(compiled.stdout).toBe('');

    const { stdout } = await run(process.execPath, [join(dir, 'out', 'client.mjs')], {
      env: {
        ...process.env,
        API_BASE_URL: baseUrl,
        API_MUNICIPALITY: DEMO_MUNICIPALITY.slug,
        API_PASSWORD: DEMO_PASSWORD,
      },
    });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      roles: ['OBJECT_SPECIALIST'],
      movedTo: 'IN_TRIAGE',
      conflict: { type: PROBLEM_TYPES.STALE_VERSION, currentVersion: result['movedVersion'] },
    });
    expect(result['historyKinds']).toEqual(expect.arrayContaining(['SUBMIT']));
    expect(result['agreements']).toEqual(expect.any(Number));
    const ends = result['agreementEnds'] as string[];
    expect(ends).toEqual([...ends].sort());
  }, 120_000);
});
