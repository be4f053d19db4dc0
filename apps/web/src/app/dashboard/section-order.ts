import type { Role } from '@licensregistret/domain';

/** The parts of Översikt, each under its own h2. */
export type DashboardSection =
  'agreements' | 'requests' | 'decision-time' | 'cost' | 'renewals' | 'equity';

/** The order for everyone without a role of their own below (systemförvaltare, läsbehörighet). */
export const DEFAULT_SECTION_ORDER: readonly DashboardSection[] = [
  'agreements',
  'requests',
  'decision-time',
  'cost',
  'renewals',
  'equity',
];

interface RoleOrder {
  readonly roles: readonly Role[];
  readonly first: readonly DashboardSection[];
  /** One sentence under the h1 saying what comes first, and for whom. */
  readonly note: string;
}

/** Checked in this order: with several roles, the first that matches wins. */
const ROLE_ORDERS: readonly RoleOrder[] = [
  {
    roles: ['PROCUREMENT'],
    first: ['agreements', 'renewals', 'cost'],
    note: 'Avtal, förnyelser och årskostnad visas först för upphandlare.',
  },
  {
    roles: ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
    first: ['requests', 'decision-time', 'equity'],
    note: 'Begäranden, tid till beslut och likvärdighet visas först för objektspecialister och objektledare.',
  },
  {
    roles: ['DATA_PROTECTION', 'INFORMATION_SECURITY'],
    first: ['requests', 'decision-time'],
    note: 'Begäranden och tid till beslut visas först för dataskydd och informationssäkerhet.',
  },
];

function roleOrder(roles: readonly Role[]): RoleOrder | undefined {
  return ROLE_ORDERS.find((order) => order.roles.some((role) => roles.includes(role)));
}

/** The parts of Översikt in the order the signed-in person's role puts them, then the rest. */
export function sectionOrder(roles: readonly Role[]): readonly DashboardSection[] {
  const first = roleOrder(roles)?.first ?? [];
  return [...first, ...DEFAULT_SECTION_ORDER.filter((section) => !first.includes(section))];
}

/** What is shown first for the role, in one sentence; null when the order is the default. */
export function sectionOrderNote(roles: readonly Role[]): string | null {
  return roleOrder(roles)?.note ?? null;
}
