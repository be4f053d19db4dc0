import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { todayInSweden } from '@licensregistret/domain';

import { download, readCsv, readXlsx } from '../../test/download';
import { closeTestDatabase, createTestAccount, testDatabase } from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { signedIn } from '../../test/test-client';

describe('GET /api/requests/export', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  let serviceId: string;
  /** The cast unit's requests for the service: a draft, one in triage, one decided. */
  let draft: number;
  let inTriage: number;
  let decided: number;
  /** The other unit's submitted request for the same service. */
  let otherUnits: number;

  const numberOf = async (id: string) =>
    (await testDatabase().query(`SELECT number FROM request WHERE id = $1`, [id])).rows[0]
      .number as number;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    serviceId = (await createApprovedService()).id;
    draft = await numberOf(await requestInState(cast, 'DRAFT', { serviceId }));
    inTriage = await numberOf(await requestInState(cast, 'IN_TRIAGE', { serviceId }));
    decided = await numberOf(await requestInState(cast, 'DECIDED', { serviceId }));
    const other = await requestInState(cast, 'SUBMITTED', { serviceId });
    await testDatabase().query(`UPDATE request SET unit_id = $2 WHERE id = $1`, [
      other,
      cast.otherUnit.id,
    ]);
    otherUnits = await numberOf(other);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('gives governance every unit’s submitted requests of the filter, not drafts, in the list’s order', async () => {
    const path = `/api/requests/export?serviceId=${serviceId}&sort=number:asc&format=xlsx`;
    const response = await download(app, cast.as.specialist, path);

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="begaranden-${todayInSweden()}.xlsx"`,
    );
    const { name, rows } = await readXlsx(response.body);
    expect(name).toBe('Begäranden');
    const [header, ...data] = rows as [string[], ...unknown[][]];
    expect(header.slice(0, 4)).toEqual(['Begäran', 'Verktyg', 'Skolenhet', 'Status']);
    expect(data.map((row) => row[0])).toEqual([inTriage, decided, otherUnits]);
    const list = await cast.as.specialist.get(
      `/api/requests?serviceId=${serviceId}&sort=number:asc`,
    );
    expect(list.body.rows.map((row: { number: number }) => row.number)).toEqual([
      inTriage,
      decided,
      otherUnits,
    ]);
    const column = (title: string) => header.indexOf(title);
    expect(data.map((row) => row[column('Status')])).toEqual(['Bedöms', 'Beslutad', 'Inskickad']);
    expect(data[1]?.[column('Beslut')]).toBe('Godkänd');
    expect(data[0]?.[column('Skolenhet')]).toBe(cast.unit.name);
    expect(data[0]?.[column('Inskickad')]).toEqual(new Date(`${todayInSweden()}T00:00:00.000Z`));
  });

  it('gives a school only its own units’ requests, drafts included, with the same filters', async () => {
    const path = `/api/requests/export?serviceId=${serviceId}&sort=number:desc&format=csv`;
    const response = await download(app, cast.as.requester, path);

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="begaranden-${todayInSweden()}.csv"`,
    );
    const { bom, rows } = readCsv(response.body);
    expect(bom).toBe(true);
    const [header, ...data] = rows as [string[], ...string[][]];
    expect(data.map((row) => Number(row[0]))).toEqual([decided, inTriage, draft]);
    expect(data.map((row) => row[header.indexOf('Skolenhet')])).toEqual(
      [0, 1, 2].map(() => cast.unit.name),
    );
    expect(data[2]?.[header.indexOf('Inskickad')]).toBe('');
    expect(data[0]?.[header.indexOf('Inskickad')]).toBe(todayInSweden());

    const state = await download(
      app,
      cast.as.requester,
      `/api/requests/export?serviceId=${serviceId}&state=DRAFT&format=csv`,
    );
    expect(
      readCsv(state.body)
        .rows.slice(1)
        .map((row) => Number(row[0])),
    ).toEqual([draft]);
  });

  it('gives an account without units nothing of the schools’ drafts or others’ requests', async () => {
    const requester = await signedIn(app, await createTestAccount(['REQUESTER']));
    const response = await download(
      app,
      requester,
      `/api/requests/export?serviceId=${serviceId}&format=csv`,
    );
    expect(response.status).toBe(200);
    expect(readCsv(response.body).rows).toHaveLength(1);
  });

  it('refuses a bad format: 400 naming format', async () => {
    const response = await cast.as.specialist.get('/api/requests/export?format=docx');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['format']);
  });
});
