/** The notifications page: not an area of the menu, but linked from the header. */
export const NOTIFICATIONS_PATH = '/notiser';
