import { todayInSweden } from '@licensregistret/domain';

/** The day in Sweden of a moment: "2026-03-14" (a late evening UTC is the next day here). */
export function dayInSweden(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : todayInSweden(date);
}
