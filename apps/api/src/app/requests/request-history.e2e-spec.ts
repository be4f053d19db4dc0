import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { ToolMatch, ToolSearchResult } from '@licensregistret/domain';

import {
  type TestAccount,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
  unique,
} from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { signedIn } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

/**
 * Requests meet the tool's history: the request form's search covers the whole catalogue and the
 * requests in the routine; a rejected tool is asked for again only with what has changed; another
 * unit's open request is joined rather than duplicated; a unit asks once for a tool.
 */
describe('requests meet the tool’s history', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  let otherPrincipal: TestAccount;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    otherPrincipal = await createTestAccount(['PRINCIPAL'], { units: [cast.otherUnit.id] });
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function search(q: string, as = cast.as.otherRequester): Promise<ToolSearchResult> {
    const response = await as.get(`/api/catalogue/tools?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  const byName = (result: ToolSearchResult, name: string): ToolMatch | undefined =>
    result.rows.find((row) => row.name === name);

  describe('the search covers the whole catalogue and the requests in the routine', () => {
    it('finds approved, under review, rejected and retired services, and tools only requested', async () => {
      const supplier = await createTestSupplier(unique('Historik AB'));
      const statuses = ['APPROVED', 'UNDER_REVIEW', 'REJECTED', 'RETIRED'] as const;
      for (const status of statuses) {
        await createTestService(supplier.id, {
          name: `${status}-${supplier.name}`,
          catalogueStatus: status,
        });
      }
      const proposed = newToolRequest(cast.unit.id, {
        newTool: {
          name: `Nytt ${supplier.name}`,
          supplierName: 'X AB',
          webAddress: 'https://x.example',
        },
      });
      const created = await cast.as.principal.post('/api/requests', proposed);
      await move(cast.as.principal, created.body.id, { move: 'SUBMIT' });

      const result = await search(supplier.name);
      expect(
        result.rows
          .filter((row) => row.serviceId !== null)
          .map((row) => [row.name, row.catalogueStatus]),
      ).toEqual(statuses.map((status) => [`${status}-${supplier.name}`, status]).sort());
      expect(byName(result, `Nytt ${supplier.name}`)).toMatchObject({
        serviceId: null,
        catalogueStatus: null,
        requests: [
          expect.objectContaining({ id: created.body.id, ownUnit: false, state: 'SUBMITTED' }),
        ],
      });
    });

    it('wants two characters: 400 naming q', async () => {
      const response = await cast.as.requester.get('/api/catalogue/tools?q=a');
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['q']);
    });
  });

  describe('a rejected tool asked for again', () => {
    let serviceId: string;
    let serviceName: string;

    beforeAll(async () => {
      const supplier = await createTestSupplier();
      const service = await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' });
      serviceId = service.id;
      serviceName = service.name;
      const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
      await move(cast.as.specialist, id, {
        move: 'DECIDE',
        outcome: 'REJECTED',
        reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
        text: 'Uppgifterna lagras utanför EU/EES utan överföringsmekanism.',
      });
    });

    it('shows the decision’s date, reasons and explanation in the search', async () => {
      const match = byName(await search(serviceName), serviceName);
      expect(match).toMatchObject({
        catalogueStatus: 'REJECTED',
        rejection: {
          decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
          text: 'Uppgifterna lagras utanför EU/EES utan överföringsmekanism.',
        },
      });
    });

    it('needs what has changed: 400 naming whatChanged, then the specialist reads it', async () => {
      const body = newToolRequest(cast.otherUnit.id, { serviceId, newTool: null });
      const refused = await cast.as.otherRequester.post('/api/requests', body);
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toEqual(['whatChanged']);
      const blank = await cast.as.otherRequester.post('/api/requests', {
        ...body,
        whatChanged: '   ',
      });
      expect(blank.status).toBe(400);

      const created = await cast.as.otherRequester.post('/api/requests', {
        ...body,
        whatChanged: 'Leverantören lagrar nu allt i Sverige och har skrivit under SKR:s avtal.',
      });
      expect(created.status).toBe(201);
      await move(cast.as.otherRequester, created.body.id, { move: 'WITHDRAW' });
      const asOtherPrincipal = await signedInAs(otherPrincipal);
      const again = await asOtherPrincipal.post('/api/requests', {
        ...body,
        whatChanged: 'Leverantören lagrar nu allt i Sverige.',
      });
      expect(again.status).toBe(201);
      await move(asOtherPrincipal, again.body.id, { move: 'SUBMIT' });
      const read = await cast.as.specialist.get(`/api/requests/${again.body.id}`);
      expect(read.body.whatChanged).toBe('Leverantören lagrar nu allt i Sverige.');
    });

    it('cannot have what has changed taken away by an edit', async () => {
      const created = await cast.as.requester.post('/api/requests', {
        ...newToolRequest(cast.unit.id, { serviceId, newTool: null }),
        whatChanged: 'Ny version med svensk lagring.',
      });
      expect(created.status).toBe(201);
      const edited = await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: created.body.version,
        whatChanged: '',
      });
      expect(edited.status).toBe(400);
      expect(fields(edited.body)).toEqual(['whatChanged']);
    });
  });

  describe('joining another unit’s open request', () => {
    /** An open request of the cast's unit for a service of its own, in review. */
    async function openRequest(): Promise<{ serviceId: string; name: string; id: string }> {
      const supplier = await createTestSupplier();
      const service = await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' });
      const id = await requestInState(cast, 'IN_REVIEW', { serviceId: service.id });
      return { serviceId: service.id, name: service.name, id };
    }

    const joinBody = {
      unitId: '',
      pupilCount: 45,
      need: 'Våra elever i årskurs 8 behöver samma träning.',
    };
    const joinAsOther = (id: string) =>
      cast.as.otherRequester.post(`/api/requests/${id}/join`, {
        ...joinBody,
        unitId: cast.otherUnit.id,
      });

    it('offers the open request in the search, then joins it with the unit’s pupils and need', async () => {
      const open = await openRequest();
      const match = byName(await search(open.name), open.name);
      expect(match?.requests).toEqual([
        expect.objectContaining({
          id: open.id,
          unitId: cast.unit.id,
          ownUnit: false,
          joinedByOwnUnit: false,
        }),
      ]);

      const joined = await joinAsOther(open.id);
      expect(joined.status).toBe(200);
      expect(joined.body.joinedUnits).toEqual([
        expect.objectContaining({
          unitId: cast.otherUnit.id,
          pupilCount: 45,
          need: 'Våra elever i årskurs 8 behöver samma träning.',
        }),
      ]);
      // The joining unit follows the request; it makes none of its moves.
      expect(joined.body.availableMoves).toEqual([]);
      const after = byName(await search(open.name), open.name);
      expect(after?.requests[0]?.joinedByOwnUnit).toBe(true);

      const demand = await cast.as.specialist.get('/api/requests/demand');
      const group = demand.body.find(
        (row: { serviceId: string }) => row.serviceId === open.serviceId,
      );
      expect(group).toMatchObject({ requestCount: 1, unitCount: 2, pupilCount: 30 + 45 });
      const history = await cast.as.specialist.get(`/api/requests/${open.id}/events`);
      expect(history.body.map((event: { kind: string }) => event.kind)).toContain('JOINED');
      // The unit that joined finds the request among its own.
      const mine = await cast.as.otherRequester.get('/api/requests?mine=true');
      expect(mine.body.rows.map((row: { id: string }) => row.id)).toContain(open.id);
    });

    it('refuses to join twice, and a request of the unit’s own for the same tool: 409 naming the field', async () => {
      const open = await openRequest();
      expect((await joinAsOther(open.id)).status).toBe(200);
      const twice = await joinAsOther(open.id);
      expect(twice.status).toBe(409);
      expect(fields(twice.body)).toEqual(['unitId']);

      const own = await cast.as.otherRequester.post(
        '/api/requests',
        newToolRequest(cast.otherUnit.id, { serviceId: open.serviceId, newTool: null }),
      );
      expect(own.status).toBe(409);
      expect(fields(own.body)).toEqual(['serviceId']);

      const ownUnit = await cast.as.requester.post(`/api/requests/${open.id}/join`, {
        ...joinBody,
        unitId: cast.unit.id,
      });
      expect(ownUnit.status).toBe(409);
      expect(fields(ownUnit.body)).toEqual(['unitId']);
    });

    it('refuses a unit that already has a request of its own for the tool: 409 naming unitId', async () => {
      const open = await openRequest();
      const own = await cast.as.otherRequester.post(
        '/api/requests',
        newToolRequest(cast.otherUnit.id, { serviceId: open.serviceId, newTool: null }),
      );
      expect(own.status).toBe(201);
      const response = await joinAsOther(open.id);
      expect(response.status).toBe(409);
      expect(fields(response.body)).toEqual(['unitId']);
    });

    it('refuses a unit the caller does not act for: 403 naming unitId', async () => {
      const open = await openRequest();
      const response = await cast.as.requester.post(`/api/requests/${open.id}/join`, {
        ...joinBody,
        unitId: cast.otherUnit.id,
      });
      expect(response.status).toBe(403);
      expect(fields(response.body)).toEqual(['unitId']);
    });

    it('tells the joined unit of the decision: the one who joined and its principal', async () => {
      const open = await openRequest();
      expect((await joinAsOther(open.id)).status).toBe(200);
      await reviewAll(cast, open.serviceId);
      await move(cast.as.specialist, open.id, { move: 'DECIDE', outcome: 'APPROVED' });
      const { rows } = await testDatabase().query(
        `SELECT recipient_id FROM notification WHERE request_id = $1 AND kind = 'REQUEST_DECIDED'`,
        [open.id],
      );
      const told = rows.map((row: { recipient_id: string }) => row.recipient_id);
      expect(told).toEqual(
        expect.arrayContaining([
          cast.accounts.requester.id,
          cast.accounts.principal.id,
          cast.accounts.otherRequester.id,
          otherPrincipal.id,
        ]),
      );
      const read = await cast.as.otherRequester.get(`/api/requests/${open.id}`);
      expect(read.status).toBe(200);
      expect(read.body.decision.outcome).toBe('APPROVED');
    });

    it('tells the joined unit again when the decision is corrected', async () => {
      const open = await openRequest();
      expect((await joinAsOther(open.id)).status).toBe(200);
      await reviewAll(cast, open.serviceId);
      await move(cast.as.specialist, open.id, { move: 'DECIDE', outcome: 'APPROVED' });
      await move(cast.as.manager, open.id, {
        move: 'CORRECT_DECISION',
        outcome: 'REJECTED',
        reasons: ['ECONOMY'],
        text: 'Kostnaden ryms inte.',
        correctionReason: 'Budgeten var fel läst.',
      });
      const { rows } = await testDatabase().query(
        `SELECT recipient_id FROM notification WHERE request_id = $1 AND kind = 'DECISION_CORRECTED'`,
        [open.id],
      );
      expect(rows.map((row: { recipient_id: string }) => row.recipient_id)).toEqual(
        expect.arrayContaining([cast.accounts.otherRequester.id, otherPrincipal.id]),
      );
    });

    it('a decided request can no longer be joined: 409', async () => {
      const open = await openRequest();
      await reviewAll(cast, open.serviceId);
      await move(cast.as.specialist, open.id, { move: 'DECIDE', outcome: 'APPROVED' });
      const response = await joinAsOther(open.id);
      expect(response.status).toBe(409);
      expect(response.body.currentState).toBe('DECIDED');
    });

    it('a draft of another unit is not there to join: 404', async () => {
      const draft = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      const response = await joinAsOther(draft.body.id);
      expect(response.status).toBe(404);
    });
  });

  describe('no duplicate request of the same unit', () => {
    it('refuses a second request for the same catalogue service: 409 naming serviceId and the request', async () => {
      const service = await createTestService((await createTestSupplier()).id);
      const body = newToolRequest(cast.unit.id, { serviceId: service.id, newTool: null });
      const first = await cast.as.requester.post('/api/requests', body);
      expect(first.status).toBe(201);
      const second = await cast.as.requester.post('/api/requests', body);
      expect(second.status).toBe(409);
      expect(fields(second.body)).toEqual(['serviceId']);
      expect(second.body.errors[0].messages[0]).toContain(String(first.body.number));
      // Another unit may ask for it.
      const other = await cast.as.otherRequester.post(
        '/api/requests',
        newToolRequest(cast.otherUnit.id, { serviceId: service.id, newTool: null }),
      );
      expect(other.status).toBe(201);
      // Once withdrawn, the unit may ask again.
      await move(cast.as.requester, first.body.id, { move: 'WITHDRAW' });
      expect((await cast.as.requester.post('/api/requests', body)).status).toBe(201);
    });

    it('refuses a second request for the same new tool, whatever its case: 409 naming newTool.name', async () => {
      const body = newToolRequest(cast.unit.id);
      expect((await cast.as.requester.post('/api/requests', body)).status).toBe(201);
      const second = await cast.as.principal.post('/api/requests', {
        ...body,
        newTool: { ...body.newTool, name: ` ${body.newTool.name.toUpperCase()} ` },
      });
      expect(second.status).toBe(409);
      expect(fields(second.body)).toEqual(['newTool.name']);
    });

    it('refuses an edit that turns a request into a duplicate', async () => {
      const service = await createTestService((await createTestSupplier()).id);
      const first = await cast.as.requester.post(
        '/api/requests',
        newToolRequest(cast.unit.id, { serviceId: service.id, newTool: null }),
      );
      const second = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      const edited = await cast.as.requester.patch(`/api/requests/${second.body.id}`, {
        version: second.body.version,
        serviceId: service.id,
        newTool: null,
      });
      expect(first.status).toBe(201);
      expect(edited.status).toBe(409);
      expect(fields(edited.body)).toEqual(['serviceId']);
    });
  });

  const signedInAs = (account: TestAccount) => signedIn(app, account);
});
