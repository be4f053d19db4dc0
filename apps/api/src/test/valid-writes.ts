import { randomUUID } from 'node:crypto';

import type { RouteKey } from '@licensregistret/domain';

import {
  agreementBody,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  unique,
  uniqueOrganisationNumber,
  uniqueUnitCode,
} from './factories';
import {
  type CastRole,
  type RoutineCast,
  createApprovedService,
  newToolRequest,
  passingReview,
  requestInState,
} from './request-fixtures';
import type { TestClient } from './test-client';

/**
 * A valid call of every write route of ACCESS_POLICY that reads a JSON body, each on a record of
 * its own made fresh for the call, with the fields the server owns beside it. The mass
 * assignment suite sends those fields; the municipality isolation suite replays the valid call
 * as another municipality's user.
 */

/** Write routes that read no body, so there is nothing to assign. Checked below. */
export const NO_BODY: Partial<Record<RouteKey, string>> = {
  'POST /api/auth/logout': 'ends the caller’s own session',
  'POST /api/notifications/read-all': 'marks the caller’s own notifications read',
  'POST /api/notifications/:id/read': 'marks one of the caller’s own notifications read',
  'POST /api/calendar/feed': 'makes a new secret feed address for the caller',
  'POST /api/reviews/:id/publish': 'publishes a copy of the review as it is',
  'POST /api/services/:id/decision/publish': 'publishes the service’s decision as it is',
};

/**
 * Write routes that read a multipart upload, not a JSON body: their own test below sends the
 * server-owned fields as form fields.
 */
export const MULTIPART: Partial<Record<RouteKey, string>> = {
  'POST /api/agreements/:id/documents': 'an upload: kind and file',
  'POST /api/services/:id/documents': 'an upload: kind and file',
  'POST /api/reviews/:id/documents': 'an upload: kind and file',
};

/** An id of nobody in particular, where an attacker would put someone's. */
export const SOMEONE = randomUUID();
const WHEN = '2020-01-01T00:00:00.000Z';

export interface Call {
  path: string;
  body: Record<string, unknown>;
  /** The status of the valid call. */
  status: number;
}

export interface ValidWrite {
  route: RouteKey;
  as: CastRole | 'SIGNED_OUT';
  /** A valid call, made fresh for the case (its own record, unique names). */
  valid: () => Promise<Call>;
  /** Fields outside the DTO, dotted for nested ones, with what an attacker would send. */
  serverOwned: Record<string, unknown>;
}

/**
 * The rows, for the records of the cast `castOf()` returns and as its users (read when a row's
 * call is made: the cast is signed in after the rows are listed, in a `beforeAll`).
 */
export function validWrites(castOf: () => RoutineCast): ValidWrite[] {
  async function created(client: TestClient, path: string, body: object): Promise<string> {
    const response = await client.post(path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body.id as string;
  }

  const newAgreement = async () =>
    created(
      castOf().as.procurement,
      '/api/agreements',
      agreementBody((await createTestSupplier()).id),
    );

  return [
    {
      route: 'POST /api/auth/login',
      as: 'SIGNED_OUT',
      valid: async () => {
        const account = await createTestAccount(['REQUESTER'], { units: [castOf().unit.id] });
        return {
          path: '/api/auth/login',
          body: { username: account.username, password: account.password },
          status: 200,
        };
      },
      serverOwned: { roles: ['ADMIN'], accountId: SOMEONE },
    },
    {
      route: 'POST /api/school-units',
      as: 'admin',
      valid: async () => ({
        path: '/api/school-units',
        body: {
          administrationId: castOf().unit.administrationId,
          name: unique('Massaskolan'),
          code: uniqueUnitCode(),
          schoolForms: ['GR'],
          compulsoryStages: ['7-9'],
          pupilCount: 100,
          networkGroup: 'Norr',
          principalId: null,
        },
        status: 201,
      }),
      serverOwned: { id: SOMEONE, version: 9, principalName: 'Rektor', createdAt: WHEN },
    },
    {
      route: 'PATCH /api/school-units/:id',
      as: 'admin',
      valid: async () => ({
        path: `/api/school-units/${(await createTestUnit()).id}`,
        body: { version: 1, pupilCount: 123 },
        status: 200,
      }),
      serverOwned: { id: SOMEONE, principalName: 'Rektor', createdAt: WHEN, updatedAt: WHEN },
    },
    {
      route: 'POST /api/school-units/import',
      as: 'admin',
      valid: async () => ({
        path: '/api/school-units/import',
        body: {
          csv: `name,code,forms,pupils,group\n${unique('Importskolan')},${uniqueUnitCode()},FS,40,Norr`,
          dryRun: false,
          administrationId: castOf().unit.administrationId,
        },
        status: 200,
      }),
      serverOwned: { principalId: SOMEONE, imported: 1000 },
    },
    {
      route: 'POST /api/imports',
      as: 'procurement',
      valid: async () => ({
        path: '/api/imports',
        body: {
          dryRun: false,
          files: [
            {
              name: 'leverantorer.csv',
              content: Buffer.from(
                `Namn;Organisationsnummer;Kontaktperson;E-post;Webbadress\n${unique('Import AB')};${uniqueOrganisationNumber()};;;`,
              ).toString('base64'),
            },
          ],
        },
        status: 200,
      }),
      serverOwned: { actorId: SOMEONE, imported: true, 'files.0.sheet': 'Avtal' },
    },
    {
      route: 'POST /api/accounts',
      as: 'admin',
      valid: async () => {
        const username = unique('massa').toLowerCase();
        return {
          path: '/api/accounts',
          body: {
            username,
            displayName: 'Massa Tilldelning',
            email: `${username}@test.example`,
            roles: ['REQUESTER'],
            schoolUnitIds: [castOf().unit.id],
            password: 'a long enough password',
          },
          status: 201,
        };
      },
      serverOwned: {
        id: SOMEONE,
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        active: false,
        version: 9,
        createdAt: WHEN,
      },
    },
    {
      route: 'PATCH /api/accounts/:id',
      as: 'admin',
      valid: async () => ({
        path: `/api/accounts/${(await createTestAccount(['READ_ONLY'])).id}`,
        body: { version: 1, displayName: 'Nytt namn' },
        status: 200,
      }),
      // The username is the sign-in name, set once; the password only through `password`.
      serverOwned: {
        username: 'admin',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
        id: SOMEONE,
        createdAt: WHEN,
      },
    },
    {
      route: 'POST /api/suppliers',
      as: 'procurement',
      valid: async () => ({
        path: '/api/suppliers',
        body: { name: unique('Massa AB'), organisationNumber: uniqueOrganisationNumber() },
        status: 201,
      }),
      serverOwned: { id: SOMEONE, version: 9, createdAt: WHEN, updatedAt: WHEN },
    },
    {
      route: 'PATCH /api/suppliers/:id',
      as: 'procurement',
      valid: async () => ({
        path: `/api/suppliers/${(await createTestSupplier()).id}`,
        body: { version: 1, contactName: 'Ny kontakt' },
        status: 200,
      }),
      serverOwned: { id: SOMEONE, createdAt: WHEN, updatedAt: WHEN },
    },
    {
      route: 'POST /api/services',
      as: 'specialist',
      valid: async () => ({
        path: '/api/services',
        body: {
          name: unique('Massatjänsten'),
          supplierId: (await createTestSupplier()).id,
          category: 'LEARNING_MATERIAL',
          description: '',
          schoolForms: ['GR'],
          languages: [],
          webAddress: null,
          signInMethod: 'FEDERATION',
          personalData: 'NONE',
          dataLocation: 'SWEDEN',
          catalogueStatus: 'UNDER_REVIEW',
        },
        status: 201,
      }),
      serverOwned: { id: SOMEONE, version: 9, statusDecidedOn: '2020-01-01', createdAt: WHEN },
    },
    {
      route: 'PATCH /api/services/:id',
      as: 'specialist',
      valid: async () => ({
        path: `/api/services/${(await createTestService((await createTestSupplier()).id)).id}`,
        body: { version: 1, description: 'Ny beskrivning' },
        status: 200,
      }),
      serverOwned: { id: SOMEONE, statusDecidedOn: '2020-01-01', updatedAt: WHEN },
    },
    {
      route: 'POST /api/agreements',
      as: 'procurement',
      valid: async () => ({
        path: '/api/agreements',
        body: agreementBody((await createTestSupplier()).id),
        status: 201,
      }),
      serverOwned: {
        id: SOMEONE,
        version: 9,
        status: 'ACTIVE',
        lastDayToGiveNotice: '2030-01-01',
        nextDeadline: '2030-01-01',
        createdAt: WHEN,
        'dataProcessingAgreement.verifiedBy': SOMEONE,
        'documents.0.uploadedBy': SOMEONE,
      },
    },
    {
      route: 'PATCH /api/agreements/:id',
      as: 'procurement',
      valid: async () => ({
        path: `/api/agreements/${await newAgreement()}`,
        body: { version: 1, caseNumber: 'Bou 2026/00999' },
        status: 200,
      }),
      serverOwned: {
        id: SOMEONE,
        status: 'TERMINATED',
        nextDeadline: '2030-01-01',
        actionFrom: '2030-01-01',
        updatedAt: WHEN,
      },
    },
    {
      route: 'POST /api/agreements/:id/actions',
      as: 'procurement',
      valid: async () => ({
        path: `/api/agreements/${await newAgreement()}/actions`,
        body: {
          action: 'END_EARLY',
          version: 1,
          date: '2027-01-31',
          reason: 'Verksamheten upphör',
        },
        status: 200,
      }),
      serverOwned: {
        endsOn: '2026-12-31',
        terminatedOn: '2026-12-31',
        followsId: SOMEONE,
        actorId: SOMEONE,
        occurredAt: WHEN,
      },
    },
    {
      route: 'POST /api/licences',
      as: 'procurement',
      valid: async () => ({
        path: '/api/licences',
        body: {
          agreementId: await newAgreement(),
          serviceId: (await createApprovedService()).id,
          scope: 'UNITS',
          unitIds: [castOf().unit.id],
          seatCount: 100,
          startsOn: '2026-02-01',
          endsOn: '2028-01-31',
        },
        status: 201,
      }),
      serverOwned: {
        id: SOMEONE,
        version: 9,
        units: [{ id: SOMEONE, name: 'Annan skola' }],
        agreementNumber: 'AV-1',
        createdAt: WHEN,
      },
    },
    {
      route: 'POST /api/licences/from-requests',
      as: 'procurement',
      valid: async () => ({
        path: '/api/licences/from-requests',
        body: {
          requests: [{ id: await requestInState(castOf(), 'DECIDED'), version: 1 }],
          agreementId: await newAgreement(),
          scope: 'UNITS',
          unitIds: [castOf().unit.id],
          startsOn: '2026-02-01',
          endsOn: '2028-01-31',
        },
        status: 201,
      }),
      serverOwned: {
        serviceId: SOMEONE,
        licenceId: SOMEONE,
        state: 'IMPLEMENTED',
        actorId: SOMEONE,
        createdAt: WHEN,
      },
    },
    {
      route: 'PATCH /api/licences/:id',
      as: 'procurement',
      valid: async () => {
        const id = await created(castOf().as.procurement, '/api/licences', {
          agreementId: await newAgreement(),
          serviceId: (await createApprovedService()).id,
          scope: 'MUNICIPALITY',
          startsOn: '2026-02-01',
          endsOn: '2028-01-31',
        });
        return { path: `/api/licences/${id}`, body: { version: 1, seatsInUse: 10 }, status: 200 };
      },
      // A licence stays under its agreement and for its service: not inputs of an update.
      serverOwned: { agreementId: SOMEONE, serviceId: SOMEONE, id: SOMEONE, updatedAt: WHEN },
    },
    {
      route: 'POST /api/requests',
      as: 'requester',
      valid: async () => ({
        path: '/api/requests',
        body: newToolRequest(castOf().unit.id),
        status: 201,
      }),
      serverOwned: {
        id: SOMEONE,
        number: 1,
        state: 'DECIDED',
        requesterId: SOMEONE,
        endorsedBy: SOMEONE,
        endorsedAt: WHEN,
        submittedAt: WHEN,
        decisionOutcome: 'APPROVED',
        decidedBy: SOMEONE,
        decidedAt: WHEN,
        version: 9,
        'newTool.approved': true,
      },
    },
    {
      route: 'PATCH /api/requests/:id',
      as: 'requester',
      valid: async () => ({
        path: `/api/requests/${await requestInState(castOf(), 'DRAFT')}`,
        body: { version: 1, pupilCount: 31 },
        status: 200,
      }),
      serverOwned: {
        state: 'DECIDED',
        requesterId: SOMEONE,
        endorsedBy: SOMEONE,
        decisionOutcome: 'APPROVED',
        decisionReasons: [],
        coveredByLicenceId: SOMEONE,
        submittedAt: WHEN,
      },
    },
    {
      route: 'POST /api/requests/:id/moves',
      as: 'principal',
      valid: async () => ({
        path: `/api/requests/${await requestInState(castOf(), 'DRAFT', { endorsed: false })}/moves`,
        body: { move: 'ENDORSE', version: 1 },
        status: 200,
      }),
      serverOwned: {
        endorsedBy: SOMEONE,
        endorsedAt: WHEN,
        state: 'DECIDED',
        toState: 'DECIDED',
        actorId: SOMEONE,
      },
    },
    {
      route: 'POST /api/requests/:id/comments',
      as: 'requester',
      valid: async () => ({
        path: `/api/requests/${await requestInState(castOf(), 'SUBMITTED')}/comments`,
        body: { text: 'En fråga till handläggaren' },
        status: 201,
      }),
      serverOwned: { actorId: SOMEONE, occurredAt: WHEN, kind: 'DECIDED', subjectId: SOMEONE },
    },
    {
      route: 'POST /api/requests/:id/join',
      as: 'otherRequester',
      valid: async () => ({
        path: `/api/requests/${await requestInState(castOf(), 'SUBMITTED')}/join`,
        body: { unitId: castOf().otherUnit.id, pupilCount: 20, need: 'Samma behov hos oss' },
        status: 200,
      }),
      serverOwned: { requestId: SOMEONE, joinedAt: WHEN, actorId: SOMEONE },
    },
    {
      route: 'POST /api/services/:id/reviews',
      as: 'dataProtection',
      valid: async () => ({
        path: `/api/services/${(await createApprovedService()).id}/reviews`,
        body: passingReview('DATA_PROTECTION'),
        status: 201,
      }),
      serverOwned: {
        reviewerId: SOMEONE,
        reviewedOn: '2020-01-01',
        serviceId: SOMEONE,
        dueAgainSince: null,
        createdAt: WHEN,
      },
      // The findings are checked against their kind's class once the rest has passed: below.
    },
    {
      route: 'POST /api/services/:id/changes',
      as: 'specialist',
      valid: async () => ({
        path: `/api/services/${(await createApprovedService()).id}/changes`,
        body: { kind: 'NEW_VERSION', description: 'Version 2 med ny inloggning' },
        status: 201,
      }),
      serverOwned: { actorId: SOMEONE, serviceId: SOMEONE, occurredAt: WHEN },
    },
    {
      route: 'POST /api/published-reviews/:id/adopt',
      as: 'dataProtection',
      valid: async () => {
        const service = await createApprovedService();
        const review = await created(
          castOf().as.dataProtection,
          `/api/services/${service.id}/reviews`,
          passingReview('DATA_PROTECTION'),
        );
        const published = await castOf().as.dataProtection.post(`/api/reviews/${review}/publish`);
        return {
          path: `/api/published-reviews/${published.body.id}/adopt`,
          body: { serviceId: service.id, redoBy: '2030-06-30' },
          status: 201,
        };
      },
      // What is adopted is the published review as it is, signed by the caller.
      serverOwned: { reviewerId: SOMEONE, adoptedFrom: SOMEONE, outcome: 'APPROVED', findings: {} },
    },
  ];
}
