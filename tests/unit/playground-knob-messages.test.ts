import { describe, expect, it } from 'vitest';
import { ZConfigShape, type TTrainingConfig } from '@/engine/playground/config-schema';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { formatRange, knobErrors, knobRange } from '@/engine/playground/knob-messages';
import { ZTrainingConfig } from '@/engine/playground/training-config';
import { niceTicks } from '@/components/playground/nice-ticks';

const numberKnobs = (config: TTrainingConfig) => Object.entries(config).filter(([key, value]) => typeof value === 'number' && key !== 'kernel').map(([key]) => key);

describe('knob messages', () => {
  it('reads every number knob range from the schema: its min passes, just past its max is refused', () => {
    for (const config of Object.values(DEFAULT_CONFIGS)) {
      for (const knob of numberKnobs(config)) {
        const range = knobRange(config.model, knob);
        expect(range, `${config.model}.${knob}`).not.toBeNull();
        if (!range) continue;
        const field = ZConfigShape.options.find((o) => o.shape.model.value === config.model)!.shape;
        const schema = (field as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[knob];
        expect(schema.safeParse(range.min).success, `${config.model}.${knob} min`).toBe(true);
        expect(schema.safeParse(range.max + (range.isInt ? 1 : range.max * 0.01 + 1e-6)).success, `${config.model}.${knob} over max`).toBe(false);
      }
    }
  });

  it('names the allowed range once, for that knob only, in Korean and English, for a value too big, too small or not a number', () => {
    for (const config of Object.values(DEFAULT_CONFIGS)) {
      for (const knob of numberKnobs(config)) {
        const range = knobRange(config.model, knob)!;
        for (const bad of [range.max + 1000, range.min - 1000, Number.NaN]) {
          const input = { ...config, [knob]: bad };
          const parsed = ZTrainingConfig.safeParse(input);
          expect(parsed.success, `${config.model}.${knob}=${bad}`).toBe(false);
          if (parsed.success) continue;
          const errors = knobErrors(parsed.error, input);
          expect(Object.keys(errors)).toEqual([knob]);
          const span = formatRange(range);
          expect(errors[knob].ko).toContain(span);
          expect(errors[knob].en).toContain(span.replace(' – ', ' to '));
          expect(errors[knob].en).not.toMatch(/Too big|Too small|Invalid input/);
        }
      }
    }
  });

  it('says a whole number is needed where a knob counts things', () => {
    const input = { ...DEFAULT_CONFIGS.mlp, batchSize: 2.5 };
    const parsed = ZTrainingConfig.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(knobErrors(parsed.error, input).batchSize).toEqual({ ko: '1 – 512 사이의 정수를 입력하세요.', en: 'Enter a whole number from 1 to 512.' });
  });

  it('explains hidden layers, heads that do not divide d_model and the parameter limit with their numbers', () => {
    const layers = { ...DEFAULT_CONFIGS.mlp, hidden: [16, 0, 16, 16, 16] };
    const heads = { ...DEFAULT_CONFIGS.transformer, dModel: 18, heads: 4 };
    const huge = { ...DEFAULT_CONFIGS.transformer, dModel: 64, heads: 4, layers: 3, dFF: 128 };
    for (const [input, knob, pattern] of [[layers, 'hidden', /1 – 64 per layer, up to 4 layers/], [heads, 'heads', /d_model \(18\).*heads \(4\)/], [huge, 'model', /parameters; the limit is 50,000/]] as const) {
      const parsed = ZTrainingConfig.safeParse(input);
      expect(parsed.success).toBe(false);
      if (parsed.success) continue;
      const errors = knobErrors(parsed.error, input);
      expect(errors[knob].en).toMatch(pattern);
      expect(errors[knob].ko).not.toBe(errors[knob].en);
    }
  });
});

describe('chart ticks', () => {
  it('are round numbers covering the range', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 150, 5, { isInteger: true })).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0, 3, 8, { isInteger: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0.7345, 4)).toEqual([0, 0.2, 0.4, 0.6]);
  });
});
