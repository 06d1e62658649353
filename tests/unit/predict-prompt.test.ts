import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { describeConfig, KNOB_LABELS, OPTION_NAMES, TASK_NAMES } from '@/engine/playground/knob-messages';
import { predictPrompt } from '@/lib/live/protocol/predict-setup';

// A prediction round's prompt names the configuration in the reader's language, with the playground
// form's own labels and names — never the code's keys ("batchSize", "spirals", "sgd").

const mlp = { ...DEFAULT_CONFIGS.mlp, activation: 'sigmoid' as const, optimizer: 'sgd' as const, lr: 3 };

describe('describeConfig', () => {
  it('uses the form labels and the task and option names of each language', () => {
    expect(describeConfig(mlp, 'en')).toBe(
      'MLP · Task Two spirals · Hidden units per layer 16, 16 · Activation sigmoid · Optimizer SGD · Learning rate 3 · Batch size 32 · Epochs 150 · Dropout 0 · Data noise 0.05',
    );
    const ko = describeConfig(mlp, 'ko');
    expect(ko.startsWith('다층 퍼셉트론(MLP) · ')).toBe(true);
    for (const text of [`${KNOB_LABELS.task.ko} ${TASK_NAMES.spirals.ko}`, `${KNOB_LABELS.activation.ko} ${OPTION_NAMES.sigmoid.ko}`, `${KNOB_LABELS.batchSize.ko} 32`, `${KNOB_LABELS.lr.ko} 3`]) {
      expect(ko).toContain(text);
    }
    expect(ko).not.toMatch(/batchSize|spirals|sigmoid|쉼표/);
  });

  it('names the RNN and the LSTM of a versus round in both languages', () => {
    const prompt = predictPrompt({ prediction: 'versus', config: DEFAULT_CONFIGS.rnn, versus: DEFAULT_CONFIGS.lstm });
    expect(prompt.en).toContain('**A** — RNN · Task Remember the first symbol · Sequence length 30 · Hidden size 16');
    expect(prompt.en).toContain('**B** — LSTM · Task Remember the first symbol');
    expect(prompt.ko).toContain(`**A** — RNN · ${KNOB_LABELS.task.ko} ${TASK_NAMES['first-symbol'].ko} · ${KNOB_LABELS.seqLength.ko} 30`);
    expect(prompt.ko).not.toMatch(/seqLength|hiddenSize|first-symbol/);
  });
});
