export { Module, type TensorModule } from './module';
export { initWeight, type Init } from './init';
export { Linear, type LinearOptions } from './linear';
export { Conv2d, MaxPool2d, Flatten, type Conv2dOptions } from './conv';
export { Dropout } from './dropout';
export { ReLU, Sigmoid, Tanh } from './activation';
export { Sequential } from './sequential';
export { RNN, LSTM, type RnnOutput, type LstmOutput } from './recurrent';
export { MultiHeadAttention, type MultiHeadAttentionOptions } from './attention';
export { LayerNorm } from './layer-norm';
export { Embedding } from './embedding';
export {
  TransformerEncoderLayer,
  TransformerDecoderLayer,
  type TransformerLayerOptions,
  type DecoderMasks,
} from './transformer';
