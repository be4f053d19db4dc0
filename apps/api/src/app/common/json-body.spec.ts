import { MAX_JSON_DEPTH, jsonNestsDeeperThan, parseJsonBody } from './json-body';
import { RequestValidationException } from './validation';

const deeper = (text: string, max = 3) => jsonNestsDeeperThan(Buffer.from(text, 'utf8'), max);

describe('the JSON depth bound', () => {
  it('counts arrays and objects, up to the bound and one past it', () => {
    expect(deeper('[[[1]]]')).toBe(false);
    expect(deeper('[[[[1]]]]')).toBe(true);
    expect(deeper('{"a":{"b":[{}]}}')).toBe(true);
    expect(deeper('{"a":{"b":[]},"c":{"d":[]},"e":[[]]}')).toBe(false);
    expect(deeper('1')).toBe(false);
    expect(deeper('')).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes and backslashes included', () => {
    expect(deeper('["[[[[[[", "{{{{{{"]')).toBe(false);
    expect(deeper('["\\"[[[[[[", "x\\\\"]')).toBe(false);
    expect(deeper('["\\\\", [[[1]]]]')).toBe(true);
    expect(deeper('["\\u005b[[[[", "ä[[[[ ✓ 💥"]')).toBe(false);
  });

  it('agrees with the real depth of generated JSON', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object'
        ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
        : 0;
    const samples: unknown[] = [
      { a: ['[', '{', '"'], b: { c: '\\"]]' } },
      [[['x']], { y: [[{}]] }],
      { 'k[ey': { '{': [1, [2, [3]]] } },
    ];
    for (const sample of samples) {
      const text = JSON.stringify(sample);
      const depth = depthOf(sample);
      expect({ text, over: deeper(text, depth) }).toEqual({ text, over: false });
      expect({ text, over: deeper(text, depth - 1) }).toEqual({ text, over: true });
    }
  });

  it('refuses a body past MAX_JSON_DEPTH as a 400 naming the body, in UTF-8 and UTF-16', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const parse = (text: string, charset: string) =>
      parseJsonBody(
        Buffer.from(text, charset === 'utf-8' ? 'utf8' : 'utf16le'),
        `application/json; charset=${charset}`,
      );
    expect(parse(nested(MAX_JSON_DEPTH), 'utf-8')).toHaveLength(1);
    for (const charset of ['utf-8', 'utf-16le']) {
      let thrown: unknown;
      try {
        parse(nested(MAX_JSON_DEPTH + 1), charset);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RequestValidationException);
      expect(thrown).toMatchObject({ errors: [{ field: 'body' }] });
    }
    expect(() => parse('[]', 'utf-32')).toThrow(expect.objectContaining({ statusCode: 415 }));
    expect(() => parse('[]', 'latin1')).toThrow(expect.objectContaining({ statusCode: 415 }));
  });

  it('reads an empty body as an empty object, and refuses a bare value or broken JSON with 400', () => {
    expect(parseJsonBody(Buffer.from(''), 'application/json')).toEqual({});
    expect(parseJsonBody(Buffer.from(' {"a": 1} '), 'application/json')).toEqual({ a: 1 });
    for (const text of ['"text"', '12', '{"a":', 'null']) {
      expect(() => parseJsonBody(Buffer.from(text), 'application/json')).toThrow(
        expect.objectContaining({ statusCode: 400 }),
      );
    }
  });
});
