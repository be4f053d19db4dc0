import {
  CATALOGUE_STATUS_LABELS,
  type CatalogueStatus,
  type OpenToolRequest,
  SERVICE_CATEGORY_LABELS,
  type ToolMatch,
  type UnitLicensed,
} from '@licensregistret/domain';

import { reasonsText, stateLabel } from '../request-labels';

/** A tool as the new-request form offers it: what the unit may do about it, and its history. */
export interface ToolOption {
  /** The catalogue service's id, or `proposed:<name>` for a tool only requested. */
  id: string;
  /** The catalogue service, to choose; null for a tool only proposed by requests. */
  serviceId: string | null;
  name: string;
  supplierName: string;
  category: string;
  status: CatalogueStatus | null;
  /** "Godkänd", "Under granskning", "Avslagen", "Avvecklad", or "Inte i katalogen". */
  statusText: string;
  /** The unit's licence in force when it already has the service: then nothing to request. */
  licence: UnitLicensed | null;
  /** The unit's own request for the tool (or the one it joined): then none to open. */
  ownRequest: (OpenToolRequest & { stateText: string }) | null;
  /** The latest rejection in words: "Avslogs 2026-10-05. Skäl: Avtal.", and its explanation. */
  rejection: { summary: string; text: string } | null;
  /** Other units' open requests the unit may join ("Anslut min enhet"). */
  joinable: (OpenToolRequest & { stateText: string })[];
}

/** The unit's licence for the service, if it already has it. */
export function licenceFor(match: ToolMatch, unitId: string): UnitLicensed | null {
  return match.licensedUnits.find((licence) => licence.unitId === unitId) ?? null;
}

/** The unit's own request for the tool, or another unit's request it has joined. */
export function ownRequestFor(match: ToolMatch, unitId: string): OpenToolRequest | null {
  return (
    match.requests.find((request) => request.unitId === unitId) ??
    match.requests.find((request) => request.joinedByOwnUnit) ??
    null
  );
}

const withStateText = (request: OpenToolRequest) => ({
  ...request,
  stateText: stateLabel(request.state).toLowerCase(),
});

/** The key a match is known by in the form: its service, or its proposed name. */
export function optionId(match: ToolMatch): string {
  return match.serviceId ?? `proposed:${match.name}`;
}

/**
 * The tools to choose from: the chosen one first when the current search no longer shows it,
 * then the search's, each with what the unit already has of it and its history.
 */
export function toolOptions(
  matches: readonly ToolMatch[],
  chosen: ToolMatch | null,
  unitId: string,
): ToolOption[] {
  const all =
    chosen && !matches.some((match) => optionId(match) === optionId(chosen))
      ? [chosen, ...matches]
      : matches;
  return all.map((match) => {
    const own = unitId ? ownRequestFor(match, unitId) : null;
    const rejection = match.rejection;
    return {
      id: optionId(match),
      serviceId: match.serviceId,
      name: match.name,
      supplierName: match.supplierName,
      category: match.category ? SERVICE_CATEGORY_LABELS[match.category] : 'Föreslaget verktyg',
      status: match.catalogueStatus,
      statusText: match.catalogueStatus
        ? CATALOGUE_STATUS_LABELS[match.catalogueStatus]
        : 'Inte i katalogen',
      licence: unitId && match.serviceId ? licenceFor(match, unitId) : null,
      ownRequest: own ? withStateText(own) : null,
      rejection: rejection
        ? {
            summary:
              `Avslogs ${rejection.decidedOn}.` +
              (rejection.reasons.length > 0 ? ` Skäl: ${reasonsText(rejection.reasons)}.` : ''),
            text: rejection.text,
          }
        : null,
      joinable: own
        ? []
        : match.requests
            .filter((request) => !request.ownUnit && request.state !== 'DRAFT')
            .map(withStateText),
    };
  });
}
