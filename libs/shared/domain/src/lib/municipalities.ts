/** A municipality of the registry, as the sign-in page and the public pages name it. */
export interface Municipality {
  /** Its short name in addresses and sign-in (`orebro`). */
  slug: string;
  name: string;
}

/** A municipality's slug from its name: `Östra Göinge kommun` → `ostra-goinge-kommun`. */
export function municipalitySlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
