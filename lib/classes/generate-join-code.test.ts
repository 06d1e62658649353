import { describe, expect, it } from 'vitest';
import { generateJoinCode } from '@/lib/classes/generate-join-code';
import { JOIN_CODE_ALPHABET } from '@/lib/classes/join-code-alphabet';
import { ZJoinCode } from '@/lib/classes/class-schemas';

describe('generateJoinCode', () => {
  it('makes 6-character codes without look-alike characters (0 O 1 I L)', () => {
    for (let i = 0; i < 2000; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
  });

  it('uses every character of the alphabet and rarely repeats a code', () => {
    const codes = Array.from({ length: 5000 }, () => generateJoinCode());
    expect(new Set(codes.join('')).size).toBe(JOIN_CODE_ALPHABET.length);
    // 5000 draws from 31^6 codes: the expected number of collisions is about 0.014.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(4998);
  });

  it('produces codes that the join form accepts as typed', () => {
    const code = generateJoinCode();
    expect(ZJoinCode.parse(code)).toBe(code);
  });
});

describe('ZJoinCode', () => {
  it('accepts lower case, spaces and dashes and normalizes them away', () => {
    expect(ZJoinCode.parse(' ab3-x9k ')).toBe('AB3X9K');
  });

  it('refuses codes that are too short, too long or contain symbols', () => {
    expect(ZJoinCode.safeParse('AB3').success).toBe(false);
    expect(ZJoinCode.safeParse('AB3X9KQQQ').success).toBe(false);
    expect(ZJoinCode.safeParse('AB3X9!').success).toBe(false);
    expect(ZJoinCode.safeParse('x'.repeat(10_000)).success).toBe(false);
  });
});
