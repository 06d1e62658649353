import { tensor, type Tensor } from '@/engine';

/** The inputs of the lecture's shopping graph: (apple price × count + orange price × count) × tax. */
export interface ShoppingInputs {
  applePrice: number;
  appleCount: number;
  orangePrice: number;
  orangeCount: number;
  tax: number;
}

export type ShoppingValue = keyof ShoppingInputs | 'apples' | 'oranges' | 'subtotal' | 'total';

/** Forward value and ∂total/∂value of every edge of the graph. */
export type ShoppingGraph = Record<ShoppingValue, { value: number; grad: number }>;

export const SHOPPING_DEFAULTS: ShoppingInputs = { applePrice: 100, appleCount: 2, orangePrice: 150, orangeCount: 3, tax: 1.1 };

/** Runs the graph forward and backward with the engine's autograd (not with hand-written derivatives). */
export function computeShoppingGraph(inputs: ShoppingInputs): ShoppingGraph {
  const leaf = (value: number) => tensor(value, { requiresGrad: true });
  const applePrice = leaf(inputs.applePrice);
  const appleCount = leaf(inputs.appleCount);
  const orangePrice = leaf(inputs.orangePrice);
  const orangeCount = leaf(inputs.orangeCount);
  const tax = leaf(inputs.tax);
  const apples = applePrice.mul(appleCount).retainGrad();
  const oranges = orangePrice.mul(orangeCount).retainGrad();
  const subtotal = apples.add(oranges).retainGrad();
  const total = subtotal.mul(tax).retainGrad();
  total.backward();
  const read = (t: Tensor) => ({ value: t.item(), grad: t.grad?.item() ?? 0 });
  return {
    applePrice: read(applePrice),
    appleCount: read(appleCount),
    orangePrice: read(orangePrice),
    orangeCount: read(orangeCount),
    tax: read(tax),
    apples: read(apples),
    oranges: read(oranges),
    subtotal: read(subtotal),
    total: read(total),
  };
}
