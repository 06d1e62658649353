import type { Tensor } from '@/engine';
import type { TTransformerConfig } from '../config-schema';
import { generateTranslationDataset } from '../datasets/translation';
import { createTransformerLearner, type TinyTransformer } from '../models/transformer-learner';
import { py, pyRows, type NamedParameter } from './python';
import type { FamilyParts } from './write-script';

// The tiny encoder-only Transformer, written out layer by layer as the engine runs it. Not
// torch.nn.TransformerEncoderLayer: that one also drops out inside the attention and the
// feed-forward block, where the engine drops out only after each of the two sub-blocks.

const CLASSES = `class SelfAttention(nn.Module):
    """Multi-head self-attention: per head softmax(Q K^T / sqrt(d_k)) V, heads concatenated, then
    the output projection. No mask: an encoder position sees every position."""

    def __init__(self, d_model, heads):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(d_model, d_model)
        self.key = nn.Linear(d_model, d_model)
        self.value = nn.Linear(d_model, d_model)
        self.output = nn.Linear(d_model, d_model)

    def forward(self, x):
        batch, steps, d_model = x.shape
        d_k = d_model // self.heads

        def split(t):
            return t.reshape(batch, steps, self.heads, d_k).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d_k), dim=-1)
        return self.output((weights @ v).transpose(1, 2).reshape(batch, steps, d_model))


class EncoderLayer(nn.Module):
    """Post-norm, as in "Attention Is All You Need":
    h = LayerNorm(x + Dropout(SelfAttention(x))), out = LayerNorm(h + Dropout(FeedForward(h)))."""

    def __init__(self, d_model, heads, d_ff, dropout):
        super().__init__()
        self.attention = SelfAttention(d_model, heads)
        self.expand = nn.Linear(d_model, d_ff)
        self.contract = nn.Linear(d_ff, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=LAYER_NORM_EPS)
        self.norm2 = nn.LayerNorm(d_model, eps=LAYER_NORM_EPS)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        h = self.norm1(x + self.dropout(self.attention(x)))
        return self.norm2(h + self.dropout(self.contract(torch.relu(self.expand(h)))))


class TinyTransformer(nn.Module):
    """Token + learned position embeddings, encoder layers, one linear read-out per position.
    Returns logits [batch * STEPS, VOCAB], one row per output position."""

    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, D_MODEL)
        self.positions = nn.Embedding(STEPS, D_MODEL)
        self.layers = nn.ModuleList([EncoderLayer(D_MODEL, HEADS, D_FF, DROPOUT) for _ in range(LAYERS)])
        self.head = nn.Linear(D_MODEL, VOCAB)

    def forward(self, tokens):
        h = self.tokens(tokens) + self.positions(torch.arange(tokens.shape[1]))
        for layer in self.layers:
            h = layer(h)
        return self.head(h).reshape(-1, VOCAB)`;

export function transformerParts(config: TTransformerConfig): FamilyParts {
  const data = generateTranslationDataset(config);
  const learner = createTransformerLearner(config, data);
  const model = learner.model as TinyTransformer;
  // An engine projection x W + b is an nn.Linear with the weight transposed.
  const projection = (name: string, weight: Tensor, bias: Tensor | null | undefined): NamedParameter[] => [
    { name: `${name}.weight`, tensor: weight, layout: 'transpose' },
    ...(bias ? [{ name: `${name}.bias`, tensor: bias, layout: 'same' as const }] : []),
  ];
  const parameters: NamedParameter[] = [
    { name: 'tokens.weight', tensor: model.tokens.weight, layout: 'same' },
    { name: 'positions.weight', tensor: model.positions.weight, layout: 'same' },
    ...model.layers.flatMap((layer, l) => {
      const at = `layers.${l}`;
      const a = layer.selfAttention;
      return [
        ...projection(`${at}.attention.query`, a.Wq, a.bq),
        ...projection(`${at}.attention.key`, a.Wk, a.bk),
        ...projection(`${at}.attention.value`, a.Wv, a.bv),
        ...projection(`${at}.attention.output`, a.Wo, a.bo),
        ...projection(`${at}.expand`, layer.feedForward.expand.weight, layer.feedForward.expand.bias),
        ...projection(`${at}.contract`, layer.feedForward.contract.weight, layer.feedForward.contract.bias),
        { name: `${at}.norm1.weight`, tensor: layer.norm1.gamma, layout: 'same' as const },
        { name: `${at}.norm1.bias`, tensor: layer.norm1.beta, layout: 'same' as const },
        { name: `${at}.norm2.weight`, tensor: layer.norm2.gamma, layout: 'same' as const },
        { name: `${at}.norm2.bias`, tensor: layer.norm2.beta, layout: 'same' as const },
      ];
    }),
    ...projection('head', model.head.weight, model.head.bias),
  ];
  const eps = model.layers[0]?.norm1.options.eps ?? 1e-5;

  return {
    learner,
    parameters,
    modelCode: `VOCAB, STEPS, D_MODEL, HEADS, LAYERS, D_FF = ${config.vocab}, ${config.seqLength}, ${config.dModel}, ${config.heads}, ${config.layers}, ${config.dFF}
DROPOUT = ${py(config.dropout)}
LAYER_NORM_EPS = ${py(eps)}


${CLASSES}


model = TinyTransformer()`,
    dataCode: `# Training and validation data: token sequences and their ${config.task === 'reverse' ? 'reverse' : 'sorted order'}.
TRAIN_X = ${pyRows(data.train.inputs)}
TRAIN_Y = ${pyRows(data.train.targets)}
VAL_X = ${pyRows(data.val.inputs)}
VAL_Y = ${pyRows(data.val.targets)}
train_x, train_y = torch.tensor(TRAIN_X), torch.tensor(TRAIN_Y)
val_x, val_y = torch.tensor(VAL_X), torch.tensor(VAL_Y)`,
    lossExpr: 'F.cross_entropy(logits, labels.reshape(-1))',
    correctExpr: 'logits.argmax(dim=1) == labels.reshape(-1)',
  };
}
