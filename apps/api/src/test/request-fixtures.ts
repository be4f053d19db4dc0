import type { INestApplication } from '@nestjs/common';

import {
  type CreateReviewRequest,
  type RequestState,
  type Role,
  addMonths,
  todayInSweden,
} from '@licensregistret/domain';

import {
  type TestAccount,
  type TestUnit,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
  unique,
} from './factories';
import { type TestClient, signedIn } from './test-client';

/** Everyone the routine needs, signed in: a school (requester and principal) and the governance. */
export interface RoutineCast {
  unit: TestUnit;
  otherUnit: TestUnit;
  accounts: Record<CastRole, TestAccount>;
  as: Record<CastRole, TestClient>;
}

export const CAST_ROLES = {
  requester: ['REQUESTER'],
  principal: ['PRINCIPAL'],
  otherRequester: ['REQUESTER'],
  specialist: ['OBJECT_SPECIALIST'],
  manager: ['OBJECT_MANAGER'],
  procurement: ['PROCUREMENT'],
  dataProtection: ['DATA_PROTECTION'],
  informationSecurity: ['INFORMATION_SECURITY'],
  admin: ['ADMIN'],
  readOnly: ['READ_ONLY'],
} as const satisfies Record<string, readonly Role[]>;
export type CastRole = keyof typeof CAST_ROLES;

export async function createRoutineCast(app: INestApplication): Promise<RoutineCast> {
  const unit = await createTestUnit({ pupilCount: 420 });
  const otherUnit = await createTestUnit();
  const unitsOf = (role: CastRole) =>
    role === 'requester' || role === 'principal'
      ? [unit.id]
      : role === 'otherRequester'
        ? [otherUnit.id]
        : [];
  const accounts = {} as Record<CastRole, TestAccount>;
  const as = {} as Record<CastRole, TestClient>;
  for (const [role, roles] of Object.entries(CAST_ROLES) as [CastRole, readonly Role[]][]) {
    accounts[role] = await createTestAccount([...roles], { units: unitsOf(role) });
    as[role] = await signedIn(app, accounts[role]);
  }
  return { unit, otherUnit, accounts, as };
}

/** A valid body for POST /api/requests asking for a new tool; override what a test is about. */
export function newToolRequest(unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    unitId,
    serviceId: null,
    newTool: {
      name: unique('Mattemästaren'),
      supplierName: unique('Mattemästaren AB'),
      webAddress: 'https://mattemastaren.example',
    },
    need: 'Färdighetsträning i matematik för elever som behöver mer övning.',
    subjects: ['Matematik'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 120,
    staffCount: 6,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och klass, resultat i övningarna.',
    wantedFrom: addMonths(todayInSweden(), 2),
    ...overrides,
  };
}

export async function createApprovedService(): Promise<{ id: string; name: string }> {
  const supplier = await createTestSupplier();
  return createTestService(supplier.id);
}

/** Reviews that pass every gate; override a kind's findings to test one. */
export function passingReview<K extends CreateReviewRequest['kind']>(
  kind: K,
  findings: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = {
    DATA_PROTECTION: {
      processesPersonalData: true,
      purpose: 'Färdighetsträning där läraren följer elevens resultat',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: ['IDENTITY', 'SCHOOL_RESULTS'],
      dataSubjects: ['PUPILS'],
      dataProcessingAgreementSigned: true,
      dpiaCriteria: ['VULNERABLE_SUBJECTS'],
      dpiaDone: false,
      storageLocation: 'EU_EEA',
      transferMechanism: 'NONE',
      subProcessors: ['Hosting AB'],
      retention: 'Gallras när eleven slutar',
    },
    INFORMATION_SECURITY: {
      confidentiality: 2,
      integrity: 1,
      availability: 1,
      signInMethod: 'FEDERATION',
      risks: 'Inga kända',
    },
    PROCUREMENT: {
      procurementRoute: 'DIRECT_AWARD',
      annualCost: 40000,
      agreementId: null,
      budgetCovered: true,
    },
  }[kind];
  return {
    kind,
    outcome: 'APPROVED',
    redoBy: addMonths(todayInSweden(), 12),
    findings: { ...base, ...findings },
    ...overrides,
  };
}

export const REVIEWER: Record<CreateReviewRequest['kind'], CastRole> = {
  DATA_PROTECTION: 'dataProtection',
  INFORMATION_SECURITY: 'informationSecurity',
  PROCUREMENT: 'procurement',
};

/** All three reviews of a service, passing. */
export async function reviewAll(cast: RoutineCast, serviceId: string): Promise<void> {
  for (const kind of ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'] as const) {
    const response = await cast.as[REVIEWER[kind]].post(
      `/api/services/${serviceId}/reviews`,
      passingReview(kind),
    );
    if (response.status !== 201)
      throw new Error(`review ${kind}: ${response.status} ${response.text}`);
  }
}

/** Makes a move through the API and fails loudly when refused; returns the request after it. */
export async function move(
  client: TestClient,
  id: string,
  body: Record<string, unknown>,
): Promise<{ version: number; state: RequestState; [key: string]: unknown }> {
  const current = await client.get(`/api/requests/${id}`);
  const response = await client.post(`/api/requests/${id}/moves`, {
    version: current.body.version,
    ...body,
  });
  if (response.status !== 200) {
    throw new Error(`${String(body['move'])}: ${response.status} ${response.text}`);
  }
  return response.body;
}

/**
 * A request of the cast's unit for `serviceId` put straight into `state` in the database, for
 * tests of one move: the routine up to there is tested on its own.
 */
export async function requestInState(
  cast: RoutineCast,
  state: RequestState,
  options: { serviceId?: string | null; endorsed?: boolean; stateBeforeInfo?: RequestState } = {},
): Promise<string> {
  const serviceId =
    options.serviceId === undefined ? (await createApprovedService()).id : options.serviceId;
  const { rows } = await testDatabase().query(
    `INSERT INTO request (unit_id, requester_id, service_id, new_tool_name, new_tool_supplier, new_tool_web_address,
        need, school_forms, pupil_count, staff_count, personal_data, state, state_before_info,
        open_question, endorsed_by, endorsed_at, submitted_at, decision_outcome, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'Ett behov', '{GR}', 30, 2, 'NONE', $7, $8, $9, $10,
             CASE WHEN $10::uuid IS NULL THEN NULL ELSE now() END,
             CASE WHEN $7 = 'DRAFT' THEN NULL ELSE now() END,
             CASE WHEN $7 IN ('DECIDED', 'IMPLEMENTED') THEN 'APPROVED' END,
             CASE WHEN $7 IN ('DECIDED', 'IMPLEMENTED') THEN now() END)
     RETURNING id`,
    [
      cast.unit.id,
      cast.accounts.requester.id,
      serviceId,
      serviceId ? null : unique('Nytt verktyg'),
      serviceId ? null : unique('Leverantör'),
      serviceId ? null : 'https://verktyg.example',
      state,
      state === 'NEEDS_INFO' ? (options.stateBeforeInfo ?? 'IN_TRIAGE') : null,
      state === 'NEEDS_INFO' ? 'Hur många elever?' : null,
      options.endorsed === false ? null : cast.accounts.principal.id,
    ],
  );
  return rows[0].id as string;
}
