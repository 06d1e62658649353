/**
 * The one error type of the engine. Every message starts with the op that failed, so a
 * student (or a grader log) reads "matmul: inner dimensions differ, [2, 3] @ [4, 5]" and not a
 * stack trace from deep inside a loop.
 */
export class EngineError extends Error {
  readonly op: string;

  constructor(op: string, message: string) {
    super(`${op}: ${message}`);
    this.name = 'EngineError';
    this.op = op;
  }
}
