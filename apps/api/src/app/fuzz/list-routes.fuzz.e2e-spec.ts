import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';

import {
  ACCOUNT_SORT_COLUMNS,
  AGREEMENT_SORT_COLUMNS,
  CATALOGUE_STATUSES,
  CONTRACT_STATUSES,
  NETWORK_GROUPS,
  REQUEST_SORTS,
  REQUEST_STATES,
  ROLES,
  SCHOOL_FORMS,
  SCHOOL_UNIT_SORT_COLUMNS,
  SERVICE_CATEGORIES,
} from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestService,
  createTestSupplier,
} from '../../test/factories';
import {
  FuzzTally,
  checkAnswer,
  fuzzOptions,
  fuzzTimeout,
  hugeIntegerText,
  junkString,
  send,
} from '../../test/fuzz/fuzz-kit';
import {
  type CastRole,
  type RoutineCast,
  createRoutineCast,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { encodeCursor } from '../common/keyset';

/**
 * Generated query strings to every list route (and the exports, which take the same filters),
 * each as roles allowed to call it: the route's own parameter names with junk values, valid
 * values, unknown names, repeated names (arrays), bracketed names (objects) and broken
 * percent-encoding. Property: never a 5xx, and a 4xx is application/problem+json. Seed and runs:
 * see ../../test/fuzz/fuzz-kit.ts (FUZZ_SEED, FUZZ_RUNS).
 */

interface ListRoute {
  path: string;
  roles: readonly CastRole[];
  /** The route's query parameters and values that are valid for them. */
  params: Record<string, fc.Arbitrary<string>>;
}

const sortOf = (columns: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...columns), fc.constantFrom('asc', 'desc'))
    .map(([column, direction]) => `${column}:${direction}`);
const listOf = (values: readonly string[]) =>
  fc.subarray([...values], { minLength: 1 }).map((list) => list.join(','));
const isoDate = () =>
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
// Now and then past what PostgreSQL's OFFSET and LIMIT take (2^63, 1e21): once a 500.
const paging = {
  offset: fc.oneof({ arbitrary: fc.nat(1000).map(String), weight: 4 }, hugeIntegerText()),
  limit: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 100 }).map(String), weight: 4 },
    hugeIntegerText(),
  ),
};
const bool = () => fc.constantFrom('true', 'false');
/**
 * A keyset cursor (keyset.ts) of the list's sorts, its value of any kind: many a valid cursor of
 * the wrong kind, and now and then one whose value PostgreSQL must read (dates, timestamps to
 * the microsecond, 20-digit numbers, any text).
 */
const cursorOf = (columns: readonly string[]) =>
  fc
    .tuple(
      sortOf(columns),
      fc.oneof(
        fc.constant(null),
        fc.string(),
        fc.integer().map(String),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
        isoDate(),
        fc
          .tuple(isoDate(), fc.nat(86_399_999_999))
          .map(
            ([day, micros]) =>
              `${day}T${new Date(Math.floor(micros / 1000)).toISOString().slice(11, 19)}.${String(micros % 1_000_000).padStart(6, '0')}Z`,
          ),
      ),
      fc.uuid(),
    )
    .map(([sort, key, id]) => encodeCursor({ sort, key, id }));
const EVERYONE: readonly CastRole[] = [
  'requester',
  'principal',
  'specialist',
  'procurement',
  'dataProtection',
  'admin',
  'readOnly',
];
const GOVERNANCE: readonly CastRole[] = [
  'specialist',
  'manager',
  'procurement',
  'dataProtection',
  'informationSecurity',
  'admin',
  'readOnly',
];

describe('fuzzing the list routes', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  const tally = new FuzzTally();
  const existing: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const agreement = await cast.as.procurement.post('/api/agreements', agreementBody(supplier.id));
    expect(agreement.status).toBe(201);
    existing.push(cast.unit.id, cast.otherUnit.id, supplier.id, service.id, agreement.body.id);
    for (const state of REQUEST_STATES)
      existing.push(await requestInState(cast, state, { serviceId: service.id }));
  }, 120_000);

  afterAll(async () => {
    console.log(tally.summary('List routes'));
    await app?.close();
    await closeTestDatabase();
  });

  const uuid = () => fc.constantFrom(...existing);
  const format = () => fc.constantFrom('xlsx', 'csv');
  const routes = (): ListRoute[] => {
    const agreementFilters = {
      ...paging,
      sort: sortOf(AGREEMENT_SORT_COLUMNS),
      after: cursorOf(AGREEMENT_SORT_COLUMNS),
      status: listOf(CONTRACT_STATUSES),
      supplierId: uuid(),
      endsFrom: isoDate(),
      endsTo: isoDate(),
      noticeFrom: isoDate(),
      noticeTo: isoDate(),
      minCost: fc.nat().map(String),
      maxCost: fc.nat().map(String),
      schoolForm: fc.constantFrom(...SCHOOL_FORMS),
      unitId: uuid(),
    };
    const requestFilters = {
      ...paging,
      sort: sortOf(REQUEST_SORTS),
      after: cursorOf(REQUEST_SORTS),
      state: listOf(REQUEST_STATES),
      unitId: uuid(),
      serviceId: uuid(),
      minAgeDays: fc.nat(3650).map(String),
      minDemand: fc.integer({ min: 1, max: 100 }).map(String),
      mine: bool(),
    };
    return [
      {
        path: '/api/school-units',
        roles: EVERYONE,
        params: {
          ...paging,
          sort: sortOf(SCHOOL_UNIT_SORT_COLUMNS),
          q: fc.string(),
          networkGroup: fc.constantFrom(...NETWORK_GROUPS),
          schoolForm: fc.constantFrom(...SCHOOL_FORMS),
        },
      },
      {
        path: '/api/accounts',
        roles: ['admin'],
        params: {
          ...paging,
          sort: sortOf(ACCOUNT_SORT_COLUMNS),
          q: fc.string(),
          role: fc.constantFrom(...ROLES),
          active: bool(),
        },
      },
      {
        path: '/api/suppliers',
        roles: EVERYONE,
        params: { ...paging, sort: sortOf(['name', 'organisationNumber']), q: fc.string() },
      },
      {
        path: '/api/services',
        roles: EVERYONE,
        params: {
          ...paging,
          sort: sortOf(['name', 'category', 'catalogueStatus']),
          q: fc.string(),
          category: fc.constantFrom(...SERVICE_CATEGORIES),
          catalogueStatus: fc.constantFrom(...CATALOGUE_STATUSES),
          schoolForm: fc.constantFrom(...SCHOOL_FORMS),
          supplierId: uuid(),
        },
      },
      {
        path: '/api/catalogue',
        roles: EVERYONE,
        params: {
          ...paging,
          q: fc.string(),
          category: fc.constantFrom(...SERVICE_CATEGORIES),
          unitId: uuid(),
        },
      },
      { path: '/api/agreements', roles: EVERYONE, params: agreementFilters },
      {
        path: '/api/agreements/export',
        roles: GOVERNANCE,
        params: { ...agreementFilters, format: format() },
      },
      {
        path: '/api/licences',
        roles: EVERYONE,
        params: { ...paging, agreementId: uuid(), serviceId: uuid() },
      },
      {
        path: '/api/licences/export',
        roles: GOVERNANCE,
        params: { ...paging, agreementId: uuid(), serviceId: uuid(), format: format() },
      },
      { path: '/api/requests', roles: EVERYONE, params: requestFilters },
      {
        path: '/api/requests/export',
        roles: ['requester', 'specialist', 'procurement'],
        params: { ...requestFilters, format: format() },
      },
      { path: '/api/notifications', roles: EVERYONE, params: { ...paging, unread: bool() } },
    ];
  };

  /** One `name=value` pair: a known name or junk, a valid value or junk, encoded or not. */
  function pair(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
    const names = Object.keys(params);
    const known = fc.constantFrom(...names);
    const value = (name: string) =>
      fc.oneof(
        { arbitrary: params[name] as fc.Arbitrary<string>, weight: 2 },
        junkString(existing, { huge: false }),
      );
    // A lone surrogate cannot be percent-encoded: it goes as U+FFFD, as a browser sends it.
    const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
    const encode = (name: string, text: string) =>
      `${encodeURIComponent(wellFormed(name))}=${encodeURIComponent(wellFormed(text))}`;
    return fc.oneof(
      {
        arbitrary: known.chain((name) => value(name).map((text) => encode(name, text))),
        weight: 6,
      },
      {
        arbitrary: fc
          .tuple(fc.string({ maxLength: 20 }), junkString(existing, { huge: false }))
          .map(([name, text]) => encode(name, text)),
        weight: 1,
      },
      // Arrays and objects as the query parser reads them: name[]=..., name[x][y]=...
      {
        arbitrary: fc
          .tuple(
            known,
            fc.constantFrom('[]', '[0]', '[a]', '[a][b]', '[__proto__]', '[]=x&x'),
            junkString(existing, { huge: false }),
          )
          .map(
            ([name, suffix, text]) =>
              `${encodeURIComponent(name)}${suffix}=${encodeURIComponent(wellFormed(text))}`,
          ),
        weight: 1,
      },
      // Unencoded text, broken percent-escapes, a name with no value.
      {
        arbitrary: fc
          .tuple(
            known,
            fc.constantFrom(
              '%',
              '%zz',
              '%E0%A4%A',
              '%00',
              '&&',
              '=',
              '==',
              '',
              '+',
              '%2C,',
              ',,,',
              ';',
            ),
          )
          .map(([name, raw]) => `${encodeURIComponent(name)}=${raw}`),
        weight: 1,
      },
      { arbitrary: known, weight: 1 },
    );
  }

  const LIST_PATHS = [
    '/api/school-units',
    '/api/accounts',
    '/api/suppliers',
    '/api/services',
    '/api/catalogue',
    '/api/agreements',
    '/api/agreements/export',
    '/api/licences',
    '/api/licences/export',
    '/api/requests',
    '/api/requests/export',
    '/api/notifications',
  ];

  for (const listPath of LIST_PATHS) {
    it(
      `GET ${listPath}: never a 5xx, a 4xx is a problem document`,
      async () => {
        const route = routes().find((candidate) => candidate.path === listPath) as ListRoute;
        expect(route).toBeDefined();
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...route.roles),
            fc.array(pair(route.params), { maxLength: 6 }),
            async (role, pairs) => {
              const path = pairs.length > 0 ? `${route.path}?${pairs.join('&')}` : route.path;
              const response = await send(app, cast.as[role], 'GET', path);
              tally.count(`GET ${route.path}`, response.status);
              checkAnswer(response, `GET ${path} as ${role}`);
            },
          ),
          fuzzOptions(),
        );
      },
      fuzzTimeout(),
    );
  }
});
