import { SCHOOL_FORM_LABELS, type SchoolForm, todayInSweden } from '@licensregistret/domain';

const SEK = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const SEK_WITH_ORE = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const INTEGER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/**
 * An amount in Swedish kronor as Swedes write it: "1 245 000 kr", with öre ("1 245 000,50 kr")
 * only when there are any, or always when `ore` is set (for columns that add up to the öre).
 */
export function formatSek(amount: number, options: { ore?: boolean } = {}): string {
  return (options.ore || !Number.isInteger(amount) ? SEK_WITH_ORE : SEK).format(amount);
}

/** A whole number with Swedish digit grouping: "12 345". */
export function formatInteger(value: number): string {
  return INTEGER.format(value);
}

/** A moment as date and time in Sweden: "2026-03-14 09:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/**
 * The day in Sweden of a moment: "2026-03-14" (a late evening UTC is the next day here); '' for
 * none, and text that is no moment as it is.
 */
export function dayInSweden(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : todayInSweden(date);
}

/** "1 avtal", "3 avtal"; "1 tjänst", "2 tjänster". */
export function countText(count: number, singular: string, plural: string): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}

/** "Grundskola, Gymnasieskola"; `whenEmpty` for an empty list. */
export function schoolFormNames(forms: readonly SchoolForm[], whenEmpty = ''): string {
  return forms.length === 0 ? whenEmpty : forms.map((form) => SCHOOL_FORM_LABELS[form]).join(', ');
}
