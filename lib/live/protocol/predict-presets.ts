import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';

// Ready-made predict-then-train rounds for the create form (the host can change every knob after
// picking one). Each trains in a few seconds in one worker; the lesson is in the name.

export interface PredictPreset {
  id: string;
  label: { ko: string; en: string };
  setup: TPredictSetup;
}

const mlp = DEFAULT_CONFIGS.mlp;
const recurrent = { samples: 600, epochs: 15, seqLength: 30 } as const;

export const PREDICT_PRESETS: readonly PredictPreset[] = [
  {
    id: 'sigmoid-lr-3',
    label: { ko: '나선 위의 MLP, 시그모이드, 학습률 3', en: 'MLP on spirals, sigmoid, learning rate 3' },
    setup: { prediction: 'outcome', config: { ...mlp, activation: 'sigmoid', optimizer: 'sgd', lr: 3, epochs: 40, samples: 200 } },
  },
  {
    id: 'circle-adam',
    label: { ko: '원 위의 MLP, ReLU, Adam', en: 'MLP on a circle, ReLU, Adam' },
    setup: { prediction: 'outcome', config: { ...mlp, task: 'circle', hidden: [8], epochs: 30, samples: 200, lr: 0.05 } },
  },
  {
    id: 'tiny-lr',
    label: { ko: '학습률 0.0001의 SGD', en: 'SGD with learning rate 0.0001' },
    setup: { prediction: 'outcome', config: { ...mlp, optimizer: 'sgd', lr: 0.0001, epochs: 20, samples: 200 } },
  },
  {
    id: 'spirals-accuracy',
    label: { ko: '나선 위의 MLP: 최종 검증 정확도', en: 'MLP on spirals: final validation accuracy' },
    setup: { prediction: 'accuracy', config: { ...mlp, epochs: 60, samples: 200 } },
  },
  {
    id: 'rnn-vs-lstm',
    label: { ko: 'RNN 대 LSTM, 시퀀스 길이 30', en: 'RNN vs LSTM, sequence length 30' },
    setup: { prediction: 'versus', config: { ...DEFAULT_CONFIGS.rnn, ...recurrent }, versus: { ...DEFAULT_CONFIGS.lstm, ...recurrent } },
  },
];
