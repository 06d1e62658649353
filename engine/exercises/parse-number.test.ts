import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number';
import { ZScalarAnswer } from './answer-schema';

describe('parseNumber', () => {
  it.each([
    ['0.25', 0.25],
    ['-.5', -0.5],
    ['+2', 2],
    ['3/4', 0.75],
    ['-1/2', -0.5],
    [' 1/ 3 ', 1 / 3],
    ['1e-3', 0.001],
    ['2.5E2', 250],
    ['  42  ', 42],
    ['\u22120.5', -0.5],
    ['1.5/-3', -0.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBeCloseTo(value, 12);
  });

  it('passes finite numbers through', () => {
    expect(parseNumber(-3.25)).toBe(-3.25);
  });

  it.each(['', '   ', 'NaN', 'Infinity', '-Infinity', '1/0', '0/0', 'abc', '1,5', '1e999', '1/2/3', '0x10', '1 2', '--1', `${'1'.repeat(65)}`])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it('rejects non-finite numbers', () => {
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('is the parser behind ZScalarAnswer', () => {
    expect(ZScalarAnswer.parse('3/4')).toBe(0.75);
    expect(ZScalarAnswer.parse(' 2.5e-1 ')).toBe(0.25);
    expect(ZScalarAnswer.safeParse('1/0').success).toBe(false);
    expect(ZScalarAnswer.safeParse('x'.repeat(65)).success).toBe(false);
  });
});
