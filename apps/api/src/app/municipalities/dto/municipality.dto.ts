import type { Municipality } from '@licensregistret/domain';

/** A municipality of the registry: what the sign-in page offers to choose from. */
export class MunicipalityDto implements Municipality {
  slug!: string;
  name!: string;
}
