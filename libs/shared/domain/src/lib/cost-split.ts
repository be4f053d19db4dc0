/** How an agreement's annual cost is charged. */
export const COST_MODELS = ['PER_PUPIL', 'PER_UNIT', 'FLAT'] as const;
export type CostModel = (typeof COST_MODELS)[number];

export const COST_MODEL_LABELS: Record<CostModel, string> = {
  PER_PUPIL: 'Per elev',
  PER_UNIT: 'Per skolenhet',
  FLAT: 'Fast pris',
};

export interface CostShare<K> {
  key: K;
  /** In öre, so the shares add up exactly. */
  ore: number;
}

/**
 * Splits a total (in öre) over units in proportion to their weights, with the largest remainder
 * method, so the shares add up to the total exactly. Ties in remainder go to the earlier unit.
 * With a zero total weight, or an even split, every unit weighs the same.
 */
export function splitCost<K>(
  totalOre: number,
  units: readonly { key: K; weight: number }[],
): CostShare<K>[] {
  if (!Number.isInteger(totalOre) || totalOre < 0) throw new Error('The total must be whole öre');
  if (units.length === 0) return [];
  const totalWeight = units.reduce((sum, unit) => sum + unit.weight, 0);
  const weights = totalWeight > 0 ? units.map((unit) => unit.weight) : units.map(() => 1);
  const weightSum = totalWeight > 0 ? totalWeight : units.length;
  const exact = weights.map((weight) => (totalOre * weight) / weightSum);
  const shares = exact.map(Math.floor);
  let left = totalOre - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] = (shares[index] as number) + 1;
    left -= 1;
  }
  return units.map((unit, index) => ({ key: unit.key, ore: shares[index] as number }));
}

/** The annual cost per unit under a cost model: by pupils, evenly, or (flat) evenly as well. */
export function splitAnnualCost<K>(
  totalOre: number,
  model: CostModel,
  units: readonly { key: K; pupils: number }[],
): CostShare<K>[] {
  return splitCost(
    totalOre,
    units.map((unit) => ({ key: unit.key, weight: model === 'PER_PUPIL' ? unit.pupils : 1 })),
  );
}
