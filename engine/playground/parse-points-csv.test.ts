import { describe, expect, it } from 'vitest';
import { CUSTOM_POINTS, ZMlpConfig } from './config-schema';
import { generatePlaneDataset } from './datasets/plane';
import { DEFAULT_CONFIGS } from './default-configs';
import { knobErrors } from './knob-messages';
import { formatPointsCsv, MAX_POINTS_TEXT_BYTES, parsePointsCsv } from './parse-points-csv';
import { ZTrainingConfig } from './training-config';
import { trainModel } from './train-model';

describe('your own data for the MLP', () => {
  it('reads x, y, label lines with a header, comments, blank lines and any separator', () => {
    const text = '\uFEFFx,y,label\r\n0.5, -0.25, 1\n# a comment\n\n-1;1.5;0\n1e-1\t.5\t1\n-0.3 0.2 0   # trailing comment\n';
    expect(parsePointsCsv(text)).toEqual({ ok: true, points: [[0.5, -0.25, 1], [-1, 1.5, 0], [0.1, 0.5, 1], [-0.3, 0.2, 0]] });
  });

  it('names the lines it cannot read and the points outside the square', () => {
    expect(parsePointsCsv('x,y,label\n0,0,1\n0,0\n0,0,2\nNaN,0,1\n0,0,1,5')).toEqual({ ok: false, problem: { kind: 'bad-lines', lines: [3, 4, 5, 6] } });
    expect(parsePointsCsv('0,0,1\n1.6,0,0\n0,-2,1')).toEqual({ ok: false, problem: { kind: 'out-of-range', lines: [2, 3] } });
    expect(parsePointsCsv('0,0,1\0\n')).toEqual({ ok: false, problem: { kind: 'bad-lines', lines: [1] } });
  });

  it('refuses more points than the limit and text larger than 64 KiB', () => {
    const many = Array.from({ length: CUSTOM_POINTS.max + 1 }, (_, i) => `0.${i % 10},0,${i % 2}`).join('\n');
    expect(parsePointsCsv(many)).toEqual({ ok: false, problem: { kind: 'too-many', count: CUSTOM_POINTS.max + 1 } });
    expect(parsePointsCsv('0,0,1\n'.repeat(MAX_POINTS_TEXT_BYTES))).toEqual({ ok: false, problem: { kind: 'too-large' } });
  });

  it('round-trips through formatPointsCsv', () => {
    const points = [[0.5, -1.25, 1], [-1.5, 1.5, 0]] as const;
    expect(parsePointsCsv(formatPointsCsv(points.map((p) => [...p] as [number, number, 0 | 1])))).toEqual({ ok: true, points });
  });

  it('requires enough points of both classes, in a localised message', () => {
    const config = { ...DEFAULT_CONFIGS.mlp, task: 'custom' as const, points: [[0, 0, 1], [1, 1, 1], [0.5, 0.5, 1], [-1, -1, 1], [-0.5, 0, 1], [0, -0.5, 0]] as [number, number, 0 | 1][] };
    const result = ZTrainingConfig.safeParse(config);
    expect(result.success).toBe(false);
    const errors = knobErrors(result.error!, config);
    expect(errors.points.en).toBe('6–500 points, at least 2 of each class, coordinates within −1.5 … 1.5.');
    expect(errors.points.ko).toContain('각 클래스에 2개 이상');
    expect(ZTrainingConfig.safeParse({ ...DEFAULT_CONFIGS.mlp, task: 'custom' }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...config, points: [...config.points, [0.2, -0.9, 0]] }).success).toBe(true);
    expect(ZTrainingConfig.safeParse({ ...config, points: [...config.points, [0.2, -1.6, 0]] }).success).toBe(false);
  });

  it('trains on exactly those points, split into training and validation, reproducibly', () => {
    // Two clusters a straight line separates: the MLP learns them.
    const points: [number, number, 0 | 1][] = [];
    for (let i = 0; i < 40; i++) points.push([-0.8 + (i % 5) * 0.05, -0.8 + Math.floor(i / 5) * 0.05, 0], [0.8 - (i % 5) * 0.05, 0.8 - Math.floor(i / 5) * 0.05, 1]);
    const config = ZMlpConfig.parse(ZTrainingConfig.parse({ ...DEFAULT_CONFIGS.mlp, task: 'custom', points, epochs: 30, hidden: [4] }));
    const data = generatePlaneDataset(config);
    expect(data.train.y.length + data.val.y.length).toBe(80);
    expect(data.val.y.length).toBe(Math.ceil(80 * config.valSplit));
    const all = [...data.train.x.map((p, i) => [...p, data.train.y[i]]), ...data.val.x.map((p, i) => [...p, data.val.y[i]])];
    expect(all.map((p) => p.join()).sort()).toEqual(points.map((p) => p.join()).sort());
    const first = trainModel(config);
    expect(first.finalValAcc).toBe(1);
    expect(trainModel(config).metrics.map((m) => m.valLoss)).toEqual(first.metrics.map((m) => m.valLoss));
  });
});
