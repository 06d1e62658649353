import type { Tensor, nn } from '@/engine';
import type { TrainingSnapshot } from '../types';

/** What the generic gradient loop needs from a model + data pair. */
export interface Learner {
  model: nn.Module;
  trainSize: number;
  /** Forward pass in training mode on these training examples: the mean loss and how many were right. */
  batchLoss: (indices: readonly number[]) => { loss: Tensor; correct: number; count: number };
  /** Loss and accuracy on the validation set, in eval mode, without a graph. */
  evaluate: () => { loss: number; acc: number };
  snapshot: (epoch: number) => TrainingSnapshot;
  /** The run's last picture with the trained weights added, for models whose page uses them (the CNN's draw-a-digit). */
  withTrainedWeights?: (snapshot: TrainingSnapshot) => TrainingSnapshot;
}
