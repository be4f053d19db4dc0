import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DOCUMENT_MAX_BYTES } from '@licensregistret/domain';

import { exeFile, pdfFile } from '../../test/document-files';
import { download } from '../../test/download';
import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import { startS3Server } from '../../test/s3-server';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/** The same uploads as documents.e2e-spec.ts, with S3_* set: against s3rver, a real S3 server. */
describe('documents in S3-compatible storage (s3rver)', () => {
  let app: NestFastifyApplication;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let procurement: TestClient;
  let url: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    app = await createTestApp({ s3: s3.config });
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    const supplier = await createTestSupplier();
    const agreement = await procurement.post('/api/agreements', agreementBody(supplier.id));
    url = `/api/agreements/${agreement.body.id}/documents`;
  });

  afterAll(async () => {
    await app.close();
    await s3.stop();
    await closeTestDatabase();
  });

  async function state() {
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*)::int FROM document) AS documents,
              (SELECT count(*)::int FROM document_chunk) AS chunks`,
    );
    return { ...rows[0], objects: await s3.keys() };
  }

  it('puts the bytes in the bucket (in parts past 5 MB) and gives them back byte for byte', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024 + 3, 0x20);
    pdfFile().copy(big);
    for (let index = 4096; index < big.length; index += 4099) big[index] = index % 253;
    for (const content of [pdfFile('S3'), big]) {
      const uploaded = await procurement.postForm(
        url,
        { kind: 'SIGNED_AGREEMENT' },
        {
          name: 'avtal.pdf',
          content,
        },
      );
      expect(uploaded.status).toBe(201);
      const { rows } = await testDatabase().query(
        `SELECT storage, (SELECT count(*)::int FROM document_chunk WHERE document_id = d.id) AS chunks
           FROM document d WHERE id = $1`,
        [uploaded.body.id],
      );
      expect(rows).toEqual([{ storage: 's3', chunks: 0 }]);
      expect(await s3.keys()).toContain(`documents/${uploaded.body.id}`);
      const got = await download(app, procurement, `/api/documents/${uploaded.body.id}/content`);
      expect(got.status).toBe(200);
      expect(got.headers['content-disposition']).toMatch(/^attachment;/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(got.body, content)).toBe(0);
    }
  });

  it('leaves no object and no row for a wrong type, a file past 20 MB or a broken upload', async () => {
    const before = await state();
    const exe = await procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'faktura.pdf',
        content: exeFile(),
      },
    );
    expect(exe.status).toBe(415);
    // Past the first part: the multipart upload has begun, and must be aborted.
    const over = Buffer.alloc(DOCUMENT_MAX_BYTES + 1, 0x20);
    pdfFile().copy(over);
    const tooLarge = await procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'stor.pdf',
        content: over,
      },
    );
    expect(tooLarge.status).toBe(413);

    const server = app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const head = Buffer.from(
      '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n' +
        '--x\r\nContent-Disposition: form-data; name="file"; filename="halv.pdf"\r\n\r\n',
    );
    await new Promise<void>((resolve) => {
      const call = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: url,
        headers: {
          ...procurement.headers(),
          'Content-Type': 'multipart/form-data; boundary=x',
          'Content-Length': String(head.length + 12 * 1024 * 1024),
        },
      });
      call.on('error', () => resolve());
      call.write(head);
      call.write(pdfFile());
      call.write(Buffer.alloc(6 * 1024 * 1024, 0x20), () =>
        setTimeout(() => {
          call.destroy();
          resolve();
        }, 300),
      );
    });
    let after = await state();
    for (
      let attempt = 0;
      attempt < 50 && JSON.stringify(after) !== JSON.stringify(before);
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await state();
    }
    expect(after).toEqual(before);
  });
});
