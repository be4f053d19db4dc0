import { municipalitySlug } from './municipalities';

describe('municipalitySlug', () => {
  it.each([
    ['Örebro kommun', 'orebro-kommun'],
    ['Östra Göinge kommun', 'ostra-goinge-kommun'],
    ['Upplands Väsby', 'upplands-vasby'],
    ['  Malå  ', 'mala'],
    ['Testkommun-3f2a', 'testkommun-3f2a'],
  ])('%s → %s', (name, slug) => {
    expect(municipalitySlug(name)).toBe(slug);
  });

  it('gives what the slug check of the migration accepts', () => {
    for (const name of ['Ängelholm', 'Håbo', 'Lilla Edet', 'Älvkarleby']) {
      expect(municipalitySlug(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
