import {
  type CatalogueEntry,
  SERVICE_CATEGORY_LABELS,
  type UnitLicensed,
} from '@licensregistret/domain';

/** A catalogue service as the new-request form offers it. */
export interface ToolOption {
  id: string;
  name: string;
  supplierName: string;
  category: string;
  /** The unit's licence in force when it already has the service: then nothing to request. */
  licence: UnitLicensed | null;
}

/** The unit's licence for the service, if it already has it. */
export function licenceFor(entry: CatalogueEntry, unitId: string): UnitLicensed | null {
  return entry.licensedUnits.find((licence) => licence.unitId === unitId) ?? null;
}

/**
 * The services to choose from: the chosen one first when the current search no longer shows it,
 * then the search's. Each says whether the unit already has it.
 */
export function toolOptions(
  entries: readonly CatalogueEntry[],
  chosen: CatalogueEntry | null,
  unitId: string,
): ToolOption[] {
  const all =
    chosen && !entries.some((entry) => entry.id === chosen.id) ? [chosen, ...entries] : entries;
  return all.map((entry) => ({
    id: entry.id,
    name: entry.name,
    supplierName: entry.supplierName,
    category: SERVICE_CATEGORY_LABELS[entry.category] ?? entry.category,
    licence: unitId ? licenceFor(entry, unitId) : null,
  }));
}
