/** Where the admin pages live; the lists and forms link to each other by these. */
export const ADMIN_PATHS = {
  schoolUnits: '/administration/skolenheter',
  accounts: '/administration/konton',
  import: '/administration/import',
} as const;
