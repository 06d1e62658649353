import { Tensor } from '../tensor';

/**
 * Base of every layer. A module's parameters are found by walking its own fields: tensors that
 * require a gradient, child modules and arrays of either, in declaration order. Layers
 * therefore declare each weight once, as a field, and parameters() cannot forget one.
 */
export abstract class Module {
  /** Train mode (dropout active) until eval() is called. */
  training = true;

  parameters(): Tensor[] {
    const params: Tensor[] = [];
    const seen = new Set<Tensor>();
    for (const value of this.fields()) {
      const found = value instanceof Module ? value.parameters() : [value];
      for (const p of found) {
        if (seen.has(p)) continue; // a weight shared by two layers is updated once
        seen.add(p);
        params.push(p);
      }
    }
    return params;
  }

  /** Direct sub-modules, in declaration order. */
  children(): Module[] {
    return this.fields().filter((value): value is Module => value instanceof Module);
  }

  /** Sets training mode here and in every sub-module; returns this for chaining. */
  train(isTraining = true): this {
    this.training = isTraining;
    for (const child of this.children()) child.train(isTraining);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Total number of scalar parameters (shown next to a model in the training UI). */
  parameterCount(): number {
    return this.parameters().reduce((n, p) => n + p.size, 0);
  }

  private fields(): (Tensor | Module)[] {
    const out: (Tensor | Module)[] = [];
    const visit = (value: unknown): void => {
      if (value instanceof Module) out.push(value);
      else if (value instanceof Tensor) {
        if (value.requiresGrad) out.push(value);
      } else if (Array.isArray(value)) value.forEach(visit);
    };
    for (const value of Object.values(this)) visit(value);
    return out;
  }
}

/** A module that maps one tensor to one tensor, the only kind Sequential can chain. */
export interface TensorModule extends Module {
  forward(x: Tensor): Tensor;
}
