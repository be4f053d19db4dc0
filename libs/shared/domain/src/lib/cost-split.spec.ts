import { splitAnnualCost, splitCost } from './cost-split';

const sum = (shares: { ore: number }[]) => shares.reduce((total, share) => total + share.ore, 0);

describe('splitCost', () => {
  it('splits in proportion to the weights', () => {
    expect(
      splitCost(100_000, [
        { key: 'a', weight: 300 },
        { key: 'b', weight: 100 },
      ]),
    ).toEqual([
      { key: 'a', ore: 75_000 },
      { key: 'b', ore: 25_000 },
    ]);
  });

  it('adds up to the total to the öre, giving the remainder to the largest fractions', () => {
    const shares = splitCost(100, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
      { key: 'c', weight: 1 },
    ]);
    expect(shares.map((share) => share.ore)).toEqual([34, 33, 33]);
    expect(sum(shares)).toBe(100);
  });

  it('adds up exactly for awkward totals and many units', () => {
    const units = Array.from({ length: 41 }, (_, index) => ({
      key: index,
      weight: 37 + ((index * 7919) % 613),
    }));
    for (const total of [1, 99, 12_345_67, 987_654_321]) {
      const shares = splitCost(total, units);
      expect(sum(shares)).toBe(total);
      expect(shares.every((share) => share.ore >= 0)).toBe(true);
    }
  });

  it('splits evenly when no unit has any weight', () => {
    expect(
      splitCost(10, [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 0 },
      ]).map((s) => s.ore),
    ).toEqual([5, 5]);
  });

  it('refuses fractions of an öre and negative totals', () => {
    expect(() => splitCost(10.5, [{ key: 'a', weight: 1 }])).toThrow();
    expect(() => splitCost(-1, [{ key: 'a', weight: 1 }])).toThrow();
  });
});

describe('splitAnnualCost', () => {
  const units = [
    { key: 'Mellringeskolan 7-9', pupils: 410 },
    { key: 'Björkhagaskolan F-3', pupils: 190 },
  ];

  it('splits a per-pupil agreement by pupils', () => {
    expect(splitAnnualCost(60_000_00, 'PER_PUPIL', units).map((s) => s.ore)).toEqual([
      41_000_00, 19_000_00,
    ]);
  });

  it('splits a per-unit agreement evenly', () => {
    expect(splitAnnualCost(60_000_01, 'PER_UNIT', units).map((s) => s.ore)).toEqual([
      30_000_01, 30_000_00,
    ]);
  });
});
