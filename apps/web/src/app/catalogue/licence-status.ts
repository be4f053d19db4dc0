import type { CatalogueEntry } from '@licensregistret/domain';

import type { LicenceContext } from './catalogue.store';

/** What a catalogue entry says about the units in context: has it, or not licensed. */
export type LicenceStatus =
  | { kind: 'none' }
  | {
      kind: 'licensed';
      heading: string;
      /** "Mellringeskolan 7-9, till och med 2027-06-30" for each unit that has it. */
      units: string[];
      /** Units in context that do not have it, when some do. */
      notFor: string | null;
    }
  | { kind: 'not-licensed'; heading: string };

/**
 * The licence line of a catalogue entry: "Din enhet har den här tjänsten" with the units and the
 * licence's last day, or "Inte licensierad för din enhet"; nothing without a unit in context.
 */
export function licenceStatus(entry: CatalogueEntry, context: LicenceContext): LicenceStatus {
  if (context.kind === 'none') return { kind: 'none' };
  const subject = context.kind === 'own' ? 'din enhet' : 'vald enhet';
  const licensed = context.units.flatMap((unit) =>
    entry.licensedUnits.filter((licence) => licence.unitId === unit.id),
  );
  if (licensed.length === 0) {
    return { kind: 'not-licensed', heading: `Inte licensierad för ${subject}` };
  }
  const missing = context.units.filter(
    (unit) => !licensed.some((licence) => licence.unitId === unit.id),
  );
  return {
    kind: 'licensed',
    heading: `${subject[0]?.toUpperCase()}${subject.slice(1)} har den här tjänsten`,
    units: licensed.map((licence) => `${licence.unitName}, till och med ${licence.endsOn}`),
    notFor:
      missing.length > 0
        ? `Inte licensierad för ${missing.map((unit) => unit.name).join(', ')}`
        : null,
  };
}
