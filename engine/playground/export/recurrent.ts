import { nn } from '@/engine';
import type { TRecurrentConfig } from '../config-schema';
import { generateSequenceDataset } from '../datasets/sequences';
import { createRecurrentLearner, recurrentInputSize, type SequenceClassifier } from '../models/recurrent-learner';
import { pyList, pyRows, type NamedParameter } from './python';
import type { FamilyParts } from './write-script';

// The RNN and the LSTM of the "remember the first symbol" lesson, written out as the engine runs
// them rather than as torch.nn.RNN / nn.LSTM: those keep two biases (b_ih and b_hh, which would
// train twice as fast as the engine's one) and order the LSTM's gates i, f, g, o where the engine
// has f, i, g, o. Here the weights multiply from the right (x U), exactly as in the lecture.

const RNN_CLASS = `class RNN(nn.Module):
    """Vanilla RNN: h_t = tanh(x_t U + h_{t-1} W + b), h_0 = 0. x is [batch, steps, inputs]; returns the last h."""

    def __init__(self, inputs, hidden):
        super().__init__()
        self.U = nn.Parameter(torch.zeros(inputs, hidden))
        self.W = nn.Parameter(torch.zeros(hidden, hidden))
        self.b = nn.Parameter(torch.zeros(hidden))

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.W.shape[0])
        for t in range(x.shape[1]):
            h = torch.tanh(x[:, t] @ self.U + h @ self.W + self.b)
        return h`;

const LSTM_CLASS = `class LSTM(nn.Module):
    """LSTM: z = x_t Wx + h_{t-1} Wh + b, cut into gate blocks f, i, g, o (in that order);
    c_t = sigmoid(f) * c_{t-1} + sigmoid(i) * tanh(g), h_t = sigmoid(o) * tanh(c_t); h_0 = c_0 = 0.
    x is [batch, steps, inputs]; returns the last h."""

    def __init__(self, inputs, hidden):
        super().__init__()
        self.Wx = nn.Parameter(torch.zeros(inputs, 4 * hidden))
        self.Wh = nn.Parameter(torch.zeros(hidden, 4 * hidden))
        self.b = nn.Parameter(torch.zeros(4 * hidden))

    def forward(self, x):
        hidden = self.Wh.shape[0]
        h = x.new_zeros(x.shape[0], hidden)
        c = x.new_zeros(x.shape[0], hidden)
        for t in range(x.shape[1]):
            f, i, g, o = (x[:, t] @ self.Wx + h @ self.Wh + self.b).split(hidden, dim=1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
        return h`;

export function recurrentParts(config: TRecurrentConfig): FamilyParts {
  const data = generateSequenceDataset(config);
  const learner = createRecurrentLearner(config, data);
  const model = learner.model as SequenceClassifier;
  const cell = model.cell;
  const parameters: NamedParameter[] =
    cell instanceof nn.LSTM
      ? [{ name: 'cell.Wx', tensor: cell.Wx, layout: 'same' }, { name: 'cell.Wh', tensor: cell.Wh, layout: 'same' }, { name: 'cell.b', tensor: cell.b, layout: 'same' }]
      : [{ name: 'cell.U', tensor: cell.U, layout: 'same' }, { name: 'cell.W', tensor: cell.W, layout: 'same' }, { name: 'cell.b', tensor: cell.b, layout: 'same' }];
  parameters.push({ name: 'head.weight', tensor: model.head.weight, layout: 'transpose' });
  if (model.head.bias) parameters.push({ name: 'head.bias', tensor: model.head.bias, layout: 'same' });
  const cellName = config.model === 'lstm' ? 'LSTM' : 'RNN';
  const markedStep = config.task === 'first-symbol' ? 0 : config.seqLength - 1;

  return {
    learner,
    parameters,
    modelCode: `${config.model === 'lstm' ? LSTM_CLASS : RNN_CLASS}


class SequenceClassifier(nn.Module):
    """The recurrent layer read out once, from its last hidden state, into one score per symbol."""

    def __init__(self, inputs, hidden, symbols):
        super().__init__()
        self.cell = ${cellName}(inputs, hidden)
        self.head = nn.Linear(hidden, symbols)

    def forward(self, x):
        return self.head(self.cell(x))


SYMBOLS, STEPS, HIDDEN = ${config.symbols}, ${config.seqLength}, ${config.hiddenSize}
model = SequenceClassifier(${recurrentInputSize(config)}, HIDDEN, SYMBOLS)`,
    dataCode: `# Training and validation data: sequences of symbols 0…${config.symbols - 1}; the label is the ${config.task === 'first-symbol' ? 'first' : 'last'} symbol.
TRAIN_SEQUENCES = ${pyRows(data.train.sequences)}
TRAIN_Y = ${pyList(data.train.labels)}
VAL_SEQUENCES = ${pyRows(data.val.sequences)}
VAL_Y = ${pyList(data.val.labels)}
MARKED_STEP = ${markedStep}  # the step whose symbol is the answer


def encode(sequences):
    """One-hot symbols plus a marker channel that is 1 at MARKED_STEP: [sequences, STEPS, SYMBOLS + 1]."""
    x = F.one_hot(torch.tensor(sequences), SYMBOLS + 1).to(torch.get_default_dtype())
    x[:, MARKED_STEP, SYMBOLS] = 1.0
    return x


train_x, train_y = encode(TRAIN_SEQUENCES), torch.tensor(TRAIN_Y)
val_x, val_y = encode(VAL_SEQUENCES), torch.tensor(VAL_Y)`,
    lossExpr: 'F.cross_entropy(logits, labels)',
    correctExpr: 'logits.argmax(dim=1) == labels',
  };
}
