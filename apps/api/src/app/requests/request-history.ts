import type { EntityManager } from 'typeorm';

import {
  type CatalogueStatus,
  type NewToolProposal,
  UNFINISHED_REQUEST_STATES,
  needsWhatChanged,
} from '@licensregistret/domain';

import { AppException } from '../common/app-exception';
import { OPEN_STATES_SQL } from './request-rows';

/** The tool a request asks for, as the request's generated `tool_key` says it (SQL). */
export const TOOL_KEY_OF = `coalesce($2::uuid::text, lower(trim($3::text)))`;

/**
 * A unit asks once for a tool: while one of its requests for it is unfinished (a draft
 * included), or it has joined another unit's open request for it, it cannot open another. The
 * check takes a transaction lock on the unit and the tool first, so two at once cannot both
 * pass. 409 naming the field of the tool (`serviceId`, or `newTool.name` for a new tool), or
 * `unitId` when a unit joins.
 */
export async function refuseDuplicate(
  manager: EntityManager,
  unitId: string,
  tool: { serviceId: string | null; newTool: NewToolProposal | null },
  options: { except?: string; field?: string } = {},
): Promise<void> {
  const parameters = [unitId, tool.serviceId, tool.newTool?.name ?? null];
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('request-tool:' || $1::text || ':' || ${TOOL_KEY_OF}))`,
    parameters,
  );
  const [found] = (await manager.query(
    `SELECT r.number, false AS joined FROM request r
      WHERE r.unit_id = $1 AND r.tool_key = ${TOOL_KEY_OF} AND r.state = ANY ($4::text[])
        AND r.id IS DISTINCT FROM $5::uuid
     UNION ALL
     SELECT r.number, true AS joined FROM request_join j JOIN request r ON r.id = j.request_id
      WHERE j.unit_id = $1 AND r.tool_key = ${TOOL_KEY_OF} AND r.state = ANY (${OPEN_STATES_SQL})
     LIMIT 1`,
    [...parameters, UNFINISHED_REQUEST_STATES, options.except ?? null],
  )) as { number: number; joined: boolean }[];
  if (!found) return;
  const field = options.field ?? (tool.serviceId ? 'serviceId' : 'newTool.name');
  const message = found.joined
    ? `the unit has joined request ${found.number} for the same tool`
    : `the unit already has request ${found.number} for the same tool`;
  throw new AppException(
    'CONFLICT',
    `The unit already asks for this tool (request ${found.number}).`,
    {
      errors: [{ field, messages: [message] }],
      extensions: { requestNumber: found.number },
    },
  );
}

/** Asking again for a rejected tool says what has changed: 400 naming `whatChanged`. */
export async function requireWhatChanged(
  manager: EntityManager,
  serviceId: string | null,
  whatChanged: string | null | undefined,
): Promise<void> {
  if (!serviceId || whatChanged?.trim()) return;
  const [service] = (await manager.query(
    `SELECT catalogue_status FROM digital_service WHERE id = $1`,
    [serviceId],
  )) as { catalogue_status: CatalogueStatus }[];
  if (service && needsWhatChanged(service.catalogue_status)) {
    throw AppException.invalid(
      'whatChanged',
      'the tool was rejected: say what has changed since the decision',
    );
  }
}
