import type { Municipality } from '@licensregistret/domain';

export const OREBRO: Municipality = { slug: 'orebro', name: 'Örebro kommun' };
export const KUMLA: Municipality = { slug: 'kumla', name: 'Kumla kommun' };
export const LINDESBERG: Municipality = { slug: 'lindesberg', name: 'Lindesbergs kommun' };

/** A registry of one municipality, as before issue 18. */
export const ONE_MUNICIPALITY: Municipality[] = [OREBRO];
/** The demo's three, by name as the API lists them. */
export const THREE_MUNICIPALITIES: Municipality[] = [KUMLA, LINDESBERG, OREBRO];
