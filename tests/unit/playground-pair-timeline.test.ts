import { describe, expect, it } from 'vitest';
import { frameAt, sharedEpochs } from '@/components/playground/pair-timeline';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { trainModel } from '@/engine/playground/train-model';

// The two-run timeline's positions and pictures, on real runs: an RNN of 9 epochs and an LSTM of 6
// take their pictures at different epochs; the shared timeline steps through every one of them and
// shows each run's latest picture at or before the chosen epoch.

const knobs = { samples: 100, seqLength: 4, hiddenSize: 3 };
const rnn = trainModel({ ...DEFAULT_CONFIGS.rnn, ...knobs, epochs: 9 }).frames;
const lstm = trainModel({ ...DEFAULT_CONFIGS.lstm, ...knobs, epochs: 6 }).frames;

describe('two runs on one timeline', () => {
  it('has a position for every epoch at which either run took a picture, in order, once', () => {
    const epochs = sharedEpochs([{ frames: rnn }, { frames: lstm }]);
    for (const frame of [...rnn, ...lstm]) expect(epochs).toContain(frame.epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(new Set(epochs).size).toBe(epochs.length);
    expect(epochs.at(-1)).toBe(9);
  });

  it("shows each run's latest picture at or before the epoch, and none before its first", () => {
    for (const epoch of sharedEpochs([{ frames: rnn }, { frames: lstm }])) {
      const shown = frameAt(lstm, epoch);
      const expected = lstm.filter((frame) => frame.epoch <= epoch).at(-1) ?? null;
      expect(shown).toBe(expected);
    }
    // Past the LSTM's last epoch it keeps its last picture; before the first there is none.
    expect(frameAt(lstm, 9)).toBe(lstm.at(-1));
    expect(frameAt(rnn, 0)).toBeNull();
  });
});
