/** Where the request pages live; the pages link to each other by these. */
export const REQUEST_PATHS = {
  list: '/begaranden',
  new: '/begaranden/ny',
} as const;

/** The route to one request's page. */
export function requestRoute(id: string): string[] {
  return [REQUEST_PATHS.list, id];
}
