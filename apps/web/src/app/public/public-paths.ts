/** The pages anyone may open, signed in or not. */
export const PUBLIC_PATHS = {
  services: '/tjanster',
  accessibility: '/tillganglighet',
} as const;
