import { PROBLEM_CODES, PROBLEM_TYPES } from './problem';

describe('problem types', () => {
  it('are the code in kebab case under urn:licensregistret:problem:, one per code', () => {
    for (const code of PROBLEM_CODES) {
      expect(PROBLEM_TYPES[code]).toBe(
        `urn:licensregistret:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      );
    }
    expect(Object.keys(PROBLEM_TYPES).sort()).toEqual([...PROBLEM_CODES].sort());
    expect(new Set(Object.values(PROBLEM_TYPES)).size).toBe(PROBLEM_CODES.length);
  });
});
