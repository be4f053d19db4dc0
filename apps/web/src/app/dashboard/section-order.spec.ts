import { DEFAULT_SECTION_ORDER, sectionOrder, sectionOrderNote } from './section-order';

describe('sectionOrder', () => {
  it('puts agreements, renewals and cost first for procurement', () => {
    expect(sectionOrder(['PROCUREMENT'])).toEqual([
      'agreements',
      'renewals',
      'cost',
      'requests',
      'decision-time',
      'equity',
    ]);
    expect(sectionOrderNote(['PROCUREMENT'])).toBe(
      'Avtal, förnyelser och årskostnad visas först för upphandlare.',
    );
  });

  it.each(['OBJECT_SPECIALIST', 'OBJECT_MANAGER'] as const)(
    'puts requests, decision time and equity first for %s',
    (role) => {
      expect(sectionOrder([role])).toEqual([
        'requests',
        'decision-time',
        'equity',
        'agreements',
        'cost',
        'renewals',
      ]);
      expect(sectionOrderNote([role])).toMatch(/^Begäranden, tid till beslut och likvärdighet/);
    },
  );

  it.each(['DATA_PROTECTION', 'INFORMATION_SECURITY'] as const)(
    'puts requests and decision time first for %s',
    (role) => {
      expect(sectionOrder([role])).toEqual([
        'requests',
        'decision-time',
        'agreements',
        'cost',
        'renewals',
        'equity',
      ]);
      expect(sectionOrderNote([role])).toMatch(/^Begäranden och tid till beslut/);
    },
  );

  it.each([[['ADMIN']], [['READ_ONLY']], [['REQUESTER', 'PRINCIPAL']], [[]]] as const)(
    'keeps the default order for %j',
    (roles) => {
      expect(sectionOrder(roles)).toEqual(DEFAULT_SECTION_ORDER);
      expect(sectionOrderNote(roles)).toBeNull();
    },
  );

  it('lets the first matching role win when there are several', () => {
    expect(sectionOrder(['DATA_PROTECTION', 'OBJECT_MANAGER', 'PROCUREMENT'])[0]).toBe(
      'agreements',
    );
    expect(sectionOrder(['INFORMATION_SECURITY', 'OBJECT_SPECIALIST'])[2]).toBe('equity');
    expect(sectionOrder(['ADMIN', 'DATA_PROTECTION'])[2]).toBe('agreements');
  });

  it('lists every part exactly once', () => {
    for (const roles of [['PROCUREMENT'], ['OBJECT_MANAGER'], ['DATA_PROTECTION'], []] as const) {
      expect([...sectionOrder(roles)].sort()).toEqual([...DEFAULT_SECTION_ORDER].sort());
    }
  });
});
