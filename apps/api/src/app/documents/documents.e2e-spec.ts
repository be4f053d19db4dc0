import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request, { type Response } from 'supertest';

import { DOCUMENT_MAX_BYTES } from '@licensregistret/domain';

import {
  docxFile,
  exeFile,
  odtFile,
  pdfFile,
  plainZipFile,
  xlsxFile,
} from '../../test/document-files';
import {
  agreementBody,
  closeTestDatabase,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  passingReview,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import type { TestClient } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

/** Collects a binary answer as a Buffer (supertest would parse or stringify it). */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('documents of agreements, services and reviews (PostgreSQL storage)', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  let agreementId: string;
  let serviceId: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    const supplier = await createTestSupplier();
    const agreement = await cast.as.procurement.post('/api/agreements', agreementBody(supplier.id));
    agreementId = agreement.body.id;
    serviceId = (await createApprovedService()).id;
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function counts(): Promise<{ documents: number; chunks: number }> {
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*)::int FROM document) AS documents,
              (SELECT count(*)::int FROM document_chunk) AS chunks`,
    );
    return rows[0];
  }

  async function port(): Promise<number> {
    const server = app.getHttpServer();
    if (!server.listening) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    return (server.address() as AddressInfo).port;
  }

  async function download(client: TestClient, id: string) {
    return request(app.getHttpServer())
      .get(`/api/documents/${id}/content`)
      .set(client.headers())
      .buffer(true)
      .parse(binary);
  }

  it('stores a PDF on an agreement and gives it back byte for byte as a nosniff attachment, in the history', async () => {
    const pdf = pdfFile('Undertecknat');
    const uploaded = await cast.as.procurement.postForm(
      `/api/agreements/${agreementId}/documents`,
      { kind: 'SIGNED_AGREEMENT' },
      { name: 'Avtal med leverantör å.pdf', content: pdf },
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      ownerType: 'agreement',
      ownerId: agreementId,
      kind: 'SIGNED_AGREEMENT',
      fileName: 'Avtal med leverantör å.pdf',
      fileType: 'PDF',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      mayRemove: true,
    });

    const list = await cast.as.requester.get(`/api/agreements/${agreementId}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.mayUpload).toBe(false);
    expect(list.body.documents.map((document: { id: string }) => document.id)).toContain(
      uploaded.body.id,
    );

    const got = await download(cast.as.requester, uploaded.body.id);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Avtal med leverantor a.pdf"; filename*=UTF-8''Avtal%20med%20leverant%C3%B6r%20%C3%A5.pdf`,
    );

    const history = await cast.as.requester.get(`/api/agreements/${agreementId}/history`);
    const added = history.body.find(
      (entry: { kind: string; changes: { document?: { new?: { id: string } } } }) =>
        entry.kind === 'document-added' && entry.changes.document?.new?.id === uploaded.body.id,
    );
    expect(added.changes.document.new).toMatchObject({
      id: uploaded.body.id,
      kind: 'SIGNED_AGREEMENT',
      fileName: 'Avtal med leverantör å.pdf',
    });
  });

  it('streams a file larger than one chunk in and out unchanged', async () => {
    const big = Buffer.concat([pdfFile(), Buffer.alloc(3 * 1024 * 1024 + 17, 0x20)]);
    for (let index = 0; index < big.length; index += 4093) big[index] = index % 251;
    big.write('%PDF-', 0, 'latin1');
    const uploaded = await cast.as.procurement.postForm(
      `/api/agreements/${agreementId}/documents`,
      { kind: 'OTHER' },
      { name: 'stor.pdf', content: big },
    );
    expect(uploaded.status).toBe(201);
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM document_chunk WHERE document_id = $1`,
      [uploaded.body.id],
    );
    expect(rows[0].n).toBeGreaterThan(1);
    const got = await download(cast.as.procurement, uploaded.body.id);
    expect(Buffer.compare(got.body as Buffer, big)).toBe(0);
  });

  it('tells the type from the bytes: DOCX, XLSX and ODT apart, a PDF named .docx is a PDF', async () => {
    const cases: [string, Buffer, string, string][] = [
      ['tilldelning.docx', await docxFile(), 'DOCX', 'wordprocessingml'],
      ['prislista.xlsx', await xlsxFile(), 'XLSX', 'spreadsheetml'],
      ['protokoll.odt', await odtFile(), 'ODT', 'opendocument.text'],
      ['egentligen-pdf.docx', pdfFile(), 'PDF', 'application/pdf'],
      ['fel-namn.pdf', await xlsxFile(), 'XLSX', 'spreadsheetml'],
    ];
    for (const [name, content, type, media] of cases) {
      const uploaded = await cast.as.specialist.postForm(
        `/api/services/${serviceId}/documents`,
        { kind: 'OTHER' },
        { name, content },
      );
      expect([name, uploaded.status, uploaded.body.fileType]).toEqual([name, 201, type]);
      expect(uploaded.body.mediaType).toContain(media);
      const got = await download(cast.as.specialist, uploaded.body.id);
      expect(got.headers['content-type']).toContain(media);
    }
  });

  it('refuses an EXE named .pdf, a ZIP of no accepted type, an empty file, no file and a bad kind, leaving nothing', async () => {
    const before = await counts();
    const url = `/api/agreements/${agreementId}/documents`;
    const exe = await cast.as.procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'faktura.pdf',
        content: exeFile(),
      },
    );
    expect([exe.status, exe.body.type, fields(exe.body)]).toEqual([
      415,
      'urn:licensregistret:problem:unsupported-type',
      ['file'],
    ]);
    const zip = await cast.as.procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'arkiv.docx',
        content: await plainZipFile(),
      },
    );
    expect([zip.status, fields(zip.body)]).toEqual([415, ['file']]);
    const empty = await cast.as.procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'tom.pdf',
        content: Buffer.alloc(0),
      },
    );
    expect([empty.status, fields(empty.body)]).toEqual([400, ['file']]);
    const none = await cast.as.procurement.postForm(url, { kind: 'OTHER' });
    expect([none.status, fields(none.body)]).toEqual([400, ['file']]);
    const badKind = await cast.as.procurement.postForm(
      url,
      { kind: 'CONTRACT' },
      {
        name: 'avtal.pdf',
        content: pdfFile(),
      },
    );
    expect([badKind.status, fields(badKind.body)]).toEqual([400, ['kind']]);
    const noKind = await cast.as.procurement.postForm(
      url,
      {},
      {
        name: 'avtal.pdf',
        content: pdfFile(),
      },
    );
    expect([noKind.status, fields(noKind.body)]).toEqual([400, ['kind']]);
    const json = await cast.as.procurement.post(url, { kind: 'OTHER' });
    expect([json.status, fields(json.body)]).toEqual([400, ['file']]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file past 20 MB with 413, whether streamed or announced, leaving nothing', async () => {
    const before = await counts();
    const url = `/api/agreements/${agreementId}/documents`;
    const over = Buffer.concat([
      pdfFile(),
      Buffer.alloc(DOCUMENT_MAX_BYTES + 1 - pdfFile().length),
    ]);
    const streamed = await cast.as.procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'for-stor.pdf',
        content: over,
      },
    );
    expect([streamed.status, streamed.body.type, fields(streamed.body)]).toEqual([
      413,
      'urn:licensregistret:problem:too-large',
      ['file'],
    ]);
    const exactly = Buffer.concat([pdfFile(), Buffer.alloc(DOCUMENT_MAX_BYTES - pdfFile().length)]);
    const atLimit = await cast.as.procurement.postForm(
      url,
      { kind: 'OTHER' },
      {
        name: 'precis.pdf',
        content: exactly,
      },
    );
    expect(atLimit.status).toBe(201);
    const after = await counts();
    expect(after.documents).toBe(before.documents + 1);
    await testDatabase().query(`DELETE FROM document_chunk WHERE document_id = $1`, [
      atLimit.body.id,
    ]);
    await testDatabase().query(`DELETE FROM document WHERE id = $1`, [atLimit.body.id]);

    const listeningOn = await port();
    const announced = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const call = httpRequest(
        {
          port: listeningOn,
          host: '127.0.0.1',
          method: 'POST',
          path: url,
          headers: {
            ...cast.as.procurement.headers(),
            'Content-Type': 'multipart/form-data; boundary=x',
            'Content-Length': String(DOCUMENT_MAX_BYTES * 50),
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      call.on('error', reject);
      call.write('--x\r\n');
    });
    expect(announced.status).toBe(413);
    expect(fields(JSON.parse(announced.body))).toEqual(['file']);
    expect(await counts()).toEqual(before);
  });

  it('leaves nothing behind when the client breaks off mid-upload', async () => {
    const before = await counts();
    const listeningOn = await port();
    const head = Buffer.from(
      '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n' +
        '--x\r\nContent-Disposition: form-data; name="file"; filename="halv.pdf"\r\n' +
        'Content-Type: application/pdf\r\n\r\n',
    );
    await new Promise<void>((resolve) => {
      const call = httpRequest({
        port: listeningOn,
        host: '127.0.0.1',
        method: 'POST',
        path: `/api/agreements/${agreementId}/documents`,
        headers: {
          ...cast.as.procurement.headers(),
          'Content-Type': 'multipart/form-data; boundary=x',
          'Content-Length': String(head.length + 2 * 1024 * 1024 + 8),
        },
      });
      call.on('error', () => resolve());
      call.write(head);
      call.write(pdfFile());
      call.write(Buffer.alloc(1024 * 1024, 0x20), () => {
        setTimeout(() => {
          call.destroy();
          resolve();
        }, 200);
      });
    });
    // The server notices the closed socket, rolls back and gives its connection back.
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await testDatabase().query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await counts()).toEqual(before);
    // And the next upload goes through.
    const next = await cast.as.procurement.postForm(
      `/api/agreements/${agreementId}/documents`,
      { kind: 'OTHER' },
      { name: 'hel.pdf', content: pdfFile() },
    );
    expect(next.status).toBe(201);
  });

  it('lets only the record’s writers add and remove; a review’s documents are its reviewer’s', async () => {
    const agreementUrl = `/api/agreements/${agreementId}/documents`;
    const file = { name: 'avtal.pdf', content: pdfFile() };
    expect((await cast.as.requester.postForm(agreementUrl, { kind: 'OTHER' }, file)).status).toBe(
      403,
    );
    expect((await cast.as.specialist.postForm(agreementUrl, { kind: 'OTHER' }, file)).status).toBe(
      403,
    );
    expect((await cast.as.manager.postForm(agreementUrl, { kind: 'OTHER' }, file)).status).toBe(
      201,
    );
    const serviceUrl = `/api/services/${serviceId}/documents`;
    expect((await cast.as.procurement.postForm(serviceUrl, { kind: 'OTHER' }, file)).status).toBe(
      403,
    );

    const review = await cast.as.dataProtection.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    expect(review.status).toBe(201);
    const reviewUrl = `/api/reviews/${review.body.id}/documents`;
    const dpia = await cast.as.dataProtection.postForm(
      reviewUrl,
      { kind: 'DPIA' },
      {
        name: 'dpia.pdf',
        content: pdfFile('DPIA'),
      },
    );
    expect(dpia.status).toBe(201);
    expect(dpia.body).toMatchObject({ ownerType: 'review', ownerId: review.body.id });
    const wrongReviewer = await cast.as.informationSecurity.postForm(
      reviewUrl,
      { kind: 'DPIA' },
      file,
    );
    expect(wrongReviewer.status).toBe(403);
    expect(
      (await cast.as.informationSecurity.delete(`/api/documents/${dpia.body.id}`)).status,
    ).toBe(403);
    const serviceHistory = await cast.as.requester.get(`/api/services/${serviceId}/history`);
    expect(
      serviceHistory.body.find(
        (entry: { kind: string; changes: { document?: { new?: { id: string } } } }) =>
          entry.kind === 'document-added' && entry.changes.document?.new?.id === dpia.body.id,
      ).changes.document.new,
    ).toMatchObject({ reviewId: review.body.id, kind: 'DPIA' });

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await cast.as.procurement.get(`/api/agreements/${missing}/documents`)).status).toBe(
      404,
    );
    expect((await cast.as.procurement.get(`/api/reviews/${missing}/documents`)).status).toBe(404);
    expect((await download(cast.as.procurement, missing)).status).toBe(404);
    expect((await cast.as.procurement.get(`/api/documents/not-a-uuid/content`)).status).toBe(400);
  });

  it('removes a document from its record, keeps the row, and names the removal in the history', async () => {
    const uploaded = await cast.as.procurement.postForm(
      `/api/agreements/${agreementId}/documents`,
      { kind: 'CALL_OFF_NOTICE' },
      { name: 'avrop.pdf', content: pdfFile('Avrop') },
    );
    expect((await cast.as.requester.delete(`/api/documents/${uploaded.body.id}`)).status).toBe(403);
    expect((await cast.as.procurement.delete(`/api/documents/${uploaded.body.id}`)).status).toBe(
      204,
    );
    expect((await cast.as.procurement.delete(`/api/documents/${uploaded.body.id}`)).status).toBe(
      404,
    );
    const list = await cast.as.procurement.get(`/api/agreements/${agreementId}/documents`);
    expect(list.body.documents.map((document: { id: string }) => document.id)).not.toContain(
      uploaded.body.id,
    );
    expect((await download(cast.as.procurement, uploaded.body.id)).status).toBe(404);
    const { rows } = await testDatabase().query(
      `SELECT removed_at IS NOT NULL AS removed FROM document WHERE id = $1`,
      [uploaded.body.id],
    );
    expect(rows).toEqual([{ removed: true }]);
    const history = await cast.as.procurement.get(`/api/agreements/${agreementId}/history`);
    const removed = history.body.find(
      (entry: { kind: string; changes: { document?: { old?: { id: string } } } }) =>
        entry.kind === 'document-removed' && entry.changes.document?.old?.id === uploaded.body.id,
    );
    expect(removed.changes.document).toMatchObject({
      old: { fileName: 'avrop.pdf', kind: 'CALL_OFF_NOTICE' },
      new: null,
    });
  });
});
