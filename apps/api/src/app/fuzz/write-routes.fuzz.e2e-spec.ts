import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';

import {
  AGREEMENT_ROUTE_ACTIONS,
  CATALOGUE_STATUSES,
  COMPULSORY_STAGES,
  COST_MODELS,
  DATA_LOCATIONS,
  DECISION_OUTCOMES,
  DECISION_REASONS,
  LICENCE_SCOPES,
  NETWORK_GROUPS,
  PERSONAL_DATA_KINDS,
  PROCUREMENT_ROUTES,
  REQUEST_MOVES,
  REQUEST_STATES,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
  ROLES,
  SCHOOL_FORMS,
  SERVICE_CATEGORIES,
  SERVICE_CHANGE_KINDS,
  SIGN_IN_METHODS,
  luhnCheckDigit,
} from '@licensregistret/domain';

import { pdfFile } from '../../test/document-files';
import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import {
  FUZZ_RUNS,
  FuzzTally,
  type Method,
  bodyFor,
  checkAnswer,
  fingerprint,
  fuzzOptions,
  fuzzTimeout,
  junkValue,
  mostly,
  pathId,
  send,
} from '../../test/fuzz/fuzz-kit';
import {
  type CastRole,
  type RoutineCast,
  createRoutineCast,
  newToolRequest,
  passingReview,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

/**
 * Generated bodies to every write route (see ../../test/fuzz/fuzz-kit.ts for the generators, the
 * seed and FUZZ_RUNS), each signed in as a role allowed to call it. On a database of its own, so
 * that the fingerprint before and after a call sees this suite's writes only. Properties:
 * - never a 5xx; a 4xx is application/problem+json;
 * - a refused call (4xx) leaves the database as it was.
 * Sign-in, sign-out, OIDC and calendar-feed routes are left to their own tests.
 */

/** Put in place of `version`: the row's current version, looked up just before the call. */
const CURRENT = '__current_version__';

interface WriteRoute {
  key: string;
  method: Method;
  roles: readonly CastRole[];
  path: (id: string) => string;
  ids?: () => readonly string[];
  /** The table whose row the id names, for `version: CURRENT`. */
  table?: string;
  body?: () => fc.Arbitrary<unknown>;
}

const text = (max = 60) => fc.string({ minLength: 1, maxLength: max });
const isoDate = () =>
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
const organisationNumber = () =>
  fc
    .integer({ min: 100_000_000, max: 999_999_999 })
    .map(String)
    .map((body) => `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`);
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const version = () => fc.oneof({ arbitrary: fc.constant(CURRENT), weight: 5 }, fc.integer());

describe('fuzzing the write routes', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  const tally = new FuzzTally();

  const ids = {
    administrations: [] as string[],
    units: [] as string[],
    deletableUnits: [] as string[],
    spareAccounts: [] as string[],
    principals: [] as string[],
    suppliers: [] as string[],
    services: [] as string[],
    agreements: [] as string[],
    licences: [] as string[],
    requests: [] as string[],
    drafts: [] as string[],
    notifications: [] as string[],
    documents: [] as string[],
  };
  const all = () => Object.values(ids).flat();

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    ids.units.push(cast.unit.id, cast.otherUnit.id);
    ids.administrations.push(cast.unit.administrationId, cast.otherUnit.administrationId);
    ids.principals.push(cast.accounts.principal.id);
    for (let i = 0; i < 3; i += 1) {
      ids.units.push((await createTestUnit({ administrationId: cast.unit.administrationId })).id);
      ids.deletableUnits.push((await createTestUnit()).id);
      ids.spareAccounts.push(
        (await createTestAccount(['REQUESTER'], { units: [cast.unit.id] })).id,
      );
    }
    for (let i = 0; i < 2; i += 1) {
      const supplier = await createTestSupplier();
      ids.suppliers.push(supplier.id);
      ids.services.push((await createTestService(supplier.id)).id);
      ids.services.push(
        (await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' })).id,
      );
      const agreement = await cast.as.procurement.post(
        '/api/agreements',
        agreementBody(supplier.id),
      );
      expect(agreement.status).toBe(201);
      ids.agreements.push(agreement.body.id);
      const licence = await cast.as.procurement.post('/api/licences', {
        agreementId: agreement.body.id,
        serviceId: ids.services[ids.services.length - 2],
        scope: 'UNITS',
        unitIds: [cast.unit.id],
        seatCount: 100,
        startsOn: '2026-02-01',
        endsOn: '2028-01-31',
      });
      expect(licence.status).toBe(201);
      ids.licences.push(licence.body.id);
      const document = await cast.as.procurement.postForm(
        `/api/agreements/${agreement.body.id}/documents`,
        { kind: 'OTHER' },
        { name: 'avtal.pdf', content: pdfFile() },
      );
      expect(document.status).toBe(201);
      ids.documents.push(document.body.id);
    }
    for (const state of REQUEST_STATES) {
      ids.requests.push(await requestInState(cast, state));
      ids.requests.push(await requestInState(cast, state, { serviceId: null, endorsed: false }));
    }
    ids.drafts.push(
      await requestInState(cast, 'DRAFT'),
      await requestInState(cast, 'DRAFT', { serviceId: null }),
    );
    ids.requests.push(...ids.drafts);
    // A comment by the specialist notifies the school: notifications to mark read.
    await cast.as.specialist.post(`/api/requests/${ids.requests[2]}/comments`, { text: 'Hej' });
    const { rows } = await testDatabase().query(`SELECT id FROM notification`);
    ids.notifications.push(...rows.map((row) => row.id as string));
  }, 120_000);

  afterAll(async () => {
    console.log(tally.summary('Write routes'));
    await app?.close();
    await closeTestDatabase();
  });

  const schoolUnitFields = () => ({
    administrationId: mostly(fc.constantFrom(...ids.administrations), all()),
    name: mostly(text()),
    code: mostly(fc.oneof(fc.stringMatching(/^\d{8}$/), fc.constant(null))),
    schoolForms: mostly(subset(SCHOOL_FORMS)),
    compulsoryStages: mostly(subset(COMPULSORY_STAGES)),
    pupilCount: mostly(fc.integer({ min: 0, max: 100_000 })),
    networkGroup: mostly(fc.constantFrom(...NETWORK_GROUPS)),
    principalId: mostly(fc.constantFrom(null, ...ids.principals), all()),
  });
  const accountFields = () => ({
    username: mostly(fc.stringMatching(/^[a-z0-9._@-]{2,20}$/)),
    displayName: mostly(text()),
    email: mostly(fc.emailAddress()),
    roles: mostly(subset(ROLES)),
    schoolUnitIds: mostly(subset(ids.units), all()),
    password: mostly(fc.string({ minLength: 8, maxLength: 40 })),
    active: mostly(fc.boolean()),
  });
  const supplierFields = () => ({
    name: mostly(text()),
    organisationNumber: mostly(organisationNumber()),
    contactName: mostly(fc.option(text())),
    contactEmail: mostly(fc.option(fc.emailAddress())),
    webAddress: mostly(fc.option(fc.webUrl())),
  });
  const serviceFields = () => ({
    name: mostly(text()),
    supplierId: mostly(fc.constantFrom(...ids.suppliers), all()),
    category: mostly(fc.constantFrom(...SERVICE_CATEGORIES)),
    description: mostly(fc.string({ maxLength: 200 })),
    schoolForms: mostly(subset(SCHOOL_FORMS)),
    languages: mostly(fc.array(text(20), { maxLength: 3 })),
    webAddress: mostly(fc.option(fc.webUrl())),
    signInMethod: mostly(fc.constantFrom(...SIGN_IN_METHODS)),
    personalData: mostly(fc.constantFrom(...PERSONAL_DATA_KINDS)),
    dataLocation: mostly(fc.constantFrom(...DATA_LOCATIONS)),
    catalogueStatus: mostly(fc.constantFrom(...CATALOGUE_STATUSES)),
  });
  const agreementFields = () => {
    const valid = agreementBody(ids.suppliers[0] as string);
    return {
      ...Object.fromEntries(
        Object.entries(valid).map(([name, value]) => [name, mostly(fc.constant(value))]),
      ),
      supplierId: mostly(fc.constantFrom(...ids.suppliers), all()),
      agreementNumber: mostly(text(30)),
      procurementRoute: mostly(fc.constantFrom(...PROCUREMENT_ROUTES)),
      signedOn: mostly(fc.option(isoDate())),
      startsOn: mostly(isoDate()),
      endsOn: mostly(isoDate()),
      extensionOptions: mostly(fc.integer({ min: 0, max: 10 })),
      extensionOptionsUsed: mostly(fc.integer({ min: 0, max: 10 })),
      nextExtensionDecisionBy: mostly(fc.option(isoDate())),
      annualCost: mostly(
        fc.oneof(fc.integer({ min: 0, max: 10 ** 9 }), fc.double({ min: 0, max: 1e12 })),
      ),
      costModel: mostly(fc.constantFrom(...COST_MODELS)),
      ownerId: mostly(fc.constantFrom(null, cast.accounts.procurement.id), all()),
      scopeSchoolForms: mostly(subset(SCHOOL_FORMS)),
      followsId: mostly(fc.constantFrom(null, ...ids.agreements), all()),
      terminatedOn: mostly(fc.option(isoDate())),
    };
  };
  const licenceFields = () => ({
    agreementId: mostly(fc.constantFrom(...ids.agreements), all()),
    serviceId: mostly(fc.constantFrom(...ids.services), all()),
    scope: mostly(fc.constantFrom(...LICENCE_SCOPES)),
    schoolForms: mostly(subset(SCHOOL_FORMS)),
    unitIds: mostly(subset(ids.units), all()),
    seatCount: mostly(fc.option(fc.integer({ min: 0, max: 10_000_000 }))),
    seatsInUse: mostly(fc.option(fc.integer({ min: 0, max: 10_000_000 }))),
    startsOn: mostly(isoDate()),
    endsOn: mostly(isoDate()),
  });
  const requestFields = () => {
    const valid = newToolRequest(cast.unit.id);
    return {
      ...Object.fromEntries(
        Object.entries(valid).map(([name, value]) => [name, mostly(fc.constant(value))]),
      ),
      unitId: mostly(fc.constantFrom(...ids.units), all()),
      serviceId: mostly(fc.constantFrom(null, ...ids.services), all()),
      newTool: mostly(
        fc.option(
          fc.record(
            { name: mostly(text()), supplierName: mostly(text()), webAddress: mostly(fc.webUrl()) },
            { requiredKeys: [] },
          ),
        ),
      ),
      subjects: mostly(fc.array(text(30), { maxLength: 5 })),
      schoolForms: mostly(subset(SCHOOL_FORMS)),
      pupilCount: mostly(fc.nat()),
      staffCount: mostly(fc.nat()),
      personalData: mostly(fc.constantFrom(...PERSONAL_DATA_KINDS)),
      wantedFrom: mostly(fc.option(isoDate())),
    };
  };
  const moveFields = () => ({
    move: mostly(fc.constantFrom(...REQUEST_MOVES)),
    version: version(),
    text: mostly(fc.string({ maxLength: 100 })),
    outcome: mostly(fc.constantFrom(...DECISION_OUTCOMES)),
    reasons: mostly(subset(DECISION_REASONS)),
    conditions: mostly(fc.string({ maxLength: 100 })),
    licenceId: mostly(fc.constantFrom(...ids.licences), all()),
    serviceId: mostly(fc.constantFrom(...ids.services), all()),
    supplierId: mostly(fc.constantFrom(...ids.suppliers), all()),
    supplierOrganisationNumber: mostly(organisationNumber()),
    category: mostly(fc.constantFrom(...SERVICE_CATEGORIES)),
    correctionReason: mostly(fc.string({ maxLength: 100 })),
  });
  const agreementActionFields = () => ({
    action: mostly(fc.constantFrom(...AGREEMENT_ROUTE_ACTIONS)),
    version: version(),
    date: mostly(isoDate()),
    caseNumber: mostly(text(30)),
    reason: mostly(fc.string({ maxLength: 100 })),
    successorId: mostly(fc.constantFrom(...ids.agreements), all()),
    nextExtensionDecisionBy: mostly(fc.option(isoDate())),
  });
  const reviewFields = () => ({
    kind: mostly(fc.constantFrom(...REVIEW_KINDS)),
    outcome: mostly(fc.constantFrom(...REVIEW_OUTCOMES)),
    conditions: mostly(fc.string({ maxLength: 100 })),
    notes: mostly(fc.string({ maxLength: 100 })),
    redoBy: mostly(isoDate()),
    findings: mostly(
      fc
        .tuple(
          fc.constantFrom(...REVIEW_KINDS),
          fc.dictionary(fc.string({ maxLength: 25 }), junkValue(all()), { maxKeys: 3 }),
        )
        .map(([kind, spoilt]) => ({ ...(passingReview(kind)['findings'] as object), ...spoilt })),
    ),
  });
  const csv = () =>
    fc
      .tuple(
        fc.constantFrom(
          'name,code,forms,pupils,group',
          'name;code;forms;pupils;group',
          '',
          'code,name',
        ),
        fc.array(
          fc.tuple(
            mostly(text(), []),
            mostly(fc.stringMatching(/^\d{8}$/), []),
            mostly(
              subset(SCHOOL_FORMS).map((forms) => forms.join(' ')),
              [],
            ),
            mostly(fc.nat(2000), []),
            mostly(fc.constantFrom(...NETWORK_GROUPS), []),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([header, rows, newline]) =>
        [
          header,
          ...rows.map((row) =>
            row.map((cell) => (typeof cell === 'string' ? cell : JSON.stringify(cell))).join(','),
          ),
        ].join(newline),
      );

  const withVersion = (fields: Record<string, fc.Arbitrary<unknown>>) => ({
    version: version(),
    ...fields,
  });

  const ROUTES: WriteRoute[] = [
    {
      key: 'POST /api/school-units',
      method: 'POST',
      roles: ['admin'],
      path: () => '/api/school-units',
      body: () => bodyFor(schoolUnitFields(), all()),
    },
    {
      key: 'PATCH /api/school-units/:id',
      method: 'PATCH',
      roles: ['admin'],
      path: (id) => `/api/school-units/${id}`,
      ids: () => ids.units.slice(1),
      table: 'school_unit',
      body: () => bodyFor(withVersion(schoolUnitFields()), all()),
    },
    {
      key: 'DELETE /api/school-units/:id',
      method: 'DELETE',
      roles: ['admin'],
      path: (id) => `/api/school-units/${id}`,
      ids: () => [cast.unit.id, ...ids.deletableUnits],
    },
    {
      key: 'POST /api/school-units/import',
      method: 'POST',
      roles: ['admin'],
      path: () => '/api/school-units/import',
      body: () =>
        bodyFor(
          {
            csv: mostly(csv()),
            dryRun: mostly(fc.boolean()),
            administrationId: mostly(fc.constantFrom(...ids.administrations), all()),
          },
          all(),
        ),
    },
    {
      key: 'POST /api/accounts',
      method: 'POST',
      roles: ['admin'],
      path: () => '/api/accounts',
      body: () => bodyFor(accountFields(), all()),
    },
    {
      key: 'PATCH /api/accounts/:id',
      method: 'PATCH',
      roles: ['admin'],
      path: (id) => `/api/accounts/${id}`,
      // Never the cast's own accounts, which sign the other calls in.
      ids: () => ids.spareAccounts,
      table: 'account',
      body: () => bodyFor(withVersion(accountFields()), all()),
    },
    {
      key: 'POST /api/suppliers',
      method: 'POST',
      roles: ['procurement', 'manager', 'specialist'],
      path: () => '/api/suppliers',
      body: () => bodyFor(supplierFields(), all()),
    },
    {
      key: 'PATCH /api/suppliers/:id',
      method: 'PATCH',
      roles: ['procurement', 'manager', 'specialist'],
      path: (id) => `/api/suppliers/${id}`,
      ids: () => ids.suppliers,
      table: 'supplier',
      body: () => bodyFor(withVersion(supplierFields()), all()),
    },
    {
      key: 'POST /api/services',
      method: 'POST',
      roles: ['specialist', 'manager'],
      path: () => '/api/services',
      body: () => bodyFor(serviceFields(), all()),
    },
    {
      key: 'PATCH /api/services/:id',
      method: 'PATCH',
      roles: ['specialist', 'manager'],
      path: (id) => `/api/services/${id}`,
      ids: () => ids.services,
      table: 'digital_service',
      body: () => bodyFor(withVersion(serviceFields()), all()),
    },
    {
      key: 'POST /api/agreements',
      method: 'POST',
      roles: ['procurement', 'manager'],
      path: () => '/api/agreements',
      body: () => bodyFor(agreementFields(), all()),
    },
    {
      key: 'PATCH /api/agreements/:id',
      method: 'PATCH',
      roles: ['procurement', 'manager'],
      path: (id) => `/api/agreements/${id}`,
      ids: () => ids.agreements,
      table: 'agreement',
      body: () => bodyFor(withVersion(agreementFields()), all()),
    },
    {
      key: 'POST /api/agreements/:id/actions',
      method: 'POST',
      roles: ['procurement', 'manager'],
      path: (id) => `/api/agreements/${id}/actions`,
      ids: () => ids.agreements,
      table: 'agreement',
      // Every action, mostly with a fitting version, and the rest of the payload at random.
      body: () =>
        fc.oneof(
          {
            arbitrary: fc
              .tuple(
                fc.constantFrom(...AGREEMENT_ROUTE_ACTIONS),
                fc.record(agreementActionFields(), { requiredKeys: [] }),
              )
              .map(([action, rest]) => ({ ...rest, action, version: rest.version ?? CURRENT })),
            weight: 3,
          },
          { arbitrary: bodyFor(agreementActionFields(), all()), weight: 1 },
        ),
    },
    {
      key: 'POST /api/licences',
      method: 'POST',
      roles: ['procurement', 'manager'],
      path: () => '/api/licences',
      body: () => bodyFor(licenceFields(), all()),
    },
    {
      key: 'POST /api/licences/from-requests',
      method: 'POST',
      roles: ['procurement'],
      path: () => '/api/licences/from-requests',
      body: () => {
        const { serviceId: _serviceId, seatsInUse: _seatsInUse, ...licence } = licenceFields();
        return bodyFor(
          {
            ...licence,
            requests: mostly(
              fc.array(
                fc.record({
                  id: mostly(fc.constantFrom(...ids.requests), all()),
                  version: mostly(fc.integer({ min: 1, max: 3 })),
                }),
                { maxLength: 3 },
              ),
            ),
            text: mostly(fc.option(text())),
          },
          all(),
        );
      },
    },
    {
      key: 'POST /api/imports',
      method: 'POST',
      roles: ['procurement', 'manager'],
      path: () => '/api/imports',
      body: () =>
        bodyFor(
          {
            dryRun: mostly(fc.boolean()),
            files: mostly(
              fc.array(
                bodyFor(
                  {
                    name: mostly(
                      fc.constantFrom('avtal.xlsx', 'leverantorer.csv', 'licenser.csv', 'x.txt'),
                    ),
                    content: mostly(
                      fc.oneof(
                        fc.base64String({ maxLength: 200 }),
                        fc
                          .string()
                          .map((text) =>
                            Buffer.from(
                              `Namn;Organisationsnummer;Kontaktperson;E-post;Webbadress\n${text}`,
                            ).toString('base64'),
                          ),
                      ),
                    ),
                  },
                  all(),
                ),
                { maxLength: 3 },
              ),
            ),
          },
          all(),
        ),
    },
    {
      key: 'PATCH /api/licences/:id',
      method: 'PATCH',
      roles: ['procurement', 'manager'],
      path: (id) => `/api/licences/${id}`,
      ids: () => ids.licences,
      table: 'licence',
      body: () => bodyFor(withVersion(licenceFields()), all()),
    },
    {
      key: 'POST /api/requests',
      method: 'POST',
      roles: ['requester', 'principal'],
      path: () => '/api/requests',
      body: () => bodyFor(requestFields(), all()),
    },
    {
      key: 'PATCH /api/requests/:id',
      method: 'PATCH',
      roles: ['requester', 'principal'],
      path: (id) => `/api/requests/${id}`,
      ids: () => [...ids.drafts, ...ids.drafts, ...ids.requests],
      table: 'request',
      body: () => bodyFor(withVersion(requestFields()), all()),
    },
    {
      key: 'POST /api/requests/:id/moves',
      method: 'POST',
      roles: ['requester', 'principal', 'specialist', 'manager', 'procurement'],
      path: (id) => `/api/requests/${id}/moves`,
      ids: () => ids.requests,
      table: 'request',
      // Every move, mostly with a fitting version, and the rest of the payload at random.
      body: () =>
        fc.oneof(
          {
            arbitrary: fc
              .tuple(
                fc.constantFrom(...REQUEST_MOVES),
                fc.record(moveFields(), { requiredKeys: [] }),
              )
              .map(([move, rest]) => ({ ...rest, move, version: rest.version ?? CURRENT })),
            weight: 3,
          },
          { arbitrary: bodyFor(moveFields(), all()), weight: 1 },
        ),
    },
    {
      key: 'POST /api/requests/:id/comments',
      method: 'POST',
      roles: [
        'requester',
        'principal',
        'specialist',
        'manager',
        'procurement',
        'dataProtection',
        'informationSecurity',
      ],
      path: (id) => `/api/requests/${id}/comments`,
      ids: () => ids.requests,
      body: () => bodyFor({ text: mostly(fc.string({ maxLength: 100 })) }, all()),
    },
    {
      key: 'POST /api/services/:id/reviews',
      method: 'POST',
      roles: ['dataProtection', 'informationSecurity', 'procurement'],
      path: (id) => `/api/services/${id}/reviews`,
      ids: () => ids.services,
      body: () => bodyFor(reviewFields(), all()),
    },
    {
      key: 'POST /api/services/:id/changes',
      method: 'POST',
      roles: ['specialist', 'manager', 'dataProtection', 'informationSecurity'],
      path: (id) => `/api/services/${id}/changes`,
      ids: () => ids.services,
      body: () =>
        bodyFor(
          {
            kind: mostly(fc.constantFrom(...SERVICE_CHANGE_KINDS)),
            description: mostly(fc.string({ maxLength: 100 })),
          },
          all(),
        ),
    },
    {
      // Not multipart: every body is refused, and nothing is written.
      key: 'POST /api/agreements/:id/documents',
      method: 'POST',
      roles: ['procurement', 'manager'],
      path: (id) => `/api/agreements/${id}/documents`,
      ids: () => ids.agreements,
      body: () => fc.option(junkValue(all()), { freq: 2 }),
    },
    {
      key: 'DELETE /api/documents/:id',
      method: 'DELETE',
      roles: ['procurement', 'manager', 'specialist', 'dataProtection'],
      path: (id) => `/api/documents/${id}`,
      ids: () => ids.documents,
    },
    {
      key: 'POST /api/notifications/:id/read',
      method: 'POST',
      roles: ['requester', 'principal', 'admin'],
      path: (id) => `/api/notifications/${id}/read`,
      ids: () => ids.notifications,
      body: () => fc.option(junkValue(all()), { freq: 2 }),
    },
    {
      key: 'POST /api/notifications/read-all',
      method: 'POST',
      roles: ['requester', 'specialist'],
      path: () => '/api/notifications/read-all',
      body: () => fc.option(junkValue(all()), { freq: 2 }),
    },
  ];

  /** `version: CURRENT` becomes the row's version (or 1 when there is no such row). */
  async function withCurrentVersion(
    route: WriteRoute,
    id: string,
    body: unknown,
  ): Promise<unknown> {
    if (
      !route.table ||
      body === null ||
      typeof body !== 'object' ||
      (body as Record<string, unknown>)['version'] !== CURRENT
    ) {
      return body;
    }
    const { rows } = /^[0-9a-f-]{36}$/.test(id)
      ? await testDatabase().query(`SELECT version FROM ${route.table} WHERE id = $1`, [id])
      : { rows: [] };
    return { ...(body as object), version: rows[0]?.version ?? 1 };
  }

  for (const route of ROUTES) {
    it(
      `${route.key}: never a 5xx, and a refused call changes nothing`,
      async () => {
        const db = testDatabase();
        let before: string | null = null;
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...route.roles),
            route.ids ? pathId(route.ids()) : fc.constant(''),
            route.body ? route.body() : fc.constant(undefined),
            async (role, id, generated) => {
              const body = await withCurrentVersion(route, id, generated);
              before ??= await fingerprint(db);
              const response = await send(app, cast.as[role], route.method, route.path(id), body);
              tally.count(route.key, response.status);
              if (response.status >= 500) before = null;
              checkAnswer(response, `${route.key} as ${role}`);
              if (response.status >= 400) {
                const after = await fingerprint(db);
                if (after !== before) {
                  const changed = before;
                  before = after;
                  throw new Error(
                    `${route.key} as ${role} refused with ${response.status} but changed the database:\n${changed}\n${after}`,
                  );
                }
              } else {
                before = null;
              }
            },
          ),
          fuzzOptions(),
        );
        expect(tally.total(route.key)).toBeGreaterThanOrEqual(FUZZ_RUNS);
      },
      fuzzTimeout(),
    );
  }
});
