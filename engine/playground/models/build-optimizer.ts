import { optim, type Tensor } from '@/engine';
import type { GradientConfig } from '../config-schema';

/** 'momentum' is SGD with heavy-ball momentum 0.9; weight decay is the L2 term of both optimisers. */
export function buildOptimizer(parameters: Tensor[], config: Pick<GradientConfig, 'optimizer' | 'lr' | 'weightDecay'>): optim.Adam | optim.SGD {
  const { lr, weightDecay } = config;
  if (config.optimizer === 'adam') return new optim.Adam(parameters, { lr, weightDecay });
  return new optim.SGD(parameters, { lr, weightDecay, momentum: config.optimizer === 'momentum' ? 0.9 : 0 });
}
