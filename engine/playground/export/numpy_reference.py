"""The first mini-batch's loss of an exported script, computed with numpy alone (no PyTorch).

Used by export-pytorch.test.ts where PyTorch is not installed: it reads the script's literals
(KNOBS, INITIAL_WEIGHTS, the data, FIRST_BATCH) without running it, and mirrors the script's torch
modules operation for operation, in torch's layout (nn.Linear: x @ W.T + b). If a name or a layout
in the script were wrong, this loss would not equal the engine's ENGINE_LOSS.

Usage: python3 numpy_reference.py script.py   → prints {"loss": …, "engine_loss": …}
(for the perceptron and delta rule, which replay exactly: {"final": […], "engine_final": […]})
"""
import ast
import json
import sys

import numpy as np


def literals(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return found


def activation(name, x):
    if name == "relu":
        return np.maximum(x, 0)
    if name == "tanh":
        return np.tanh(x)
    return 1 / (1 + np.exp(-x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def cross_entropy(logits, labels):
    top = logits.max(axis=1, keepdims=True)
    log_z = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
    return float(np.mean(log_z - logits[np.arange(len(labels)), labels]))


def binary_cross_entropy_with_logits(z, y):
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


class Weights:
    def __init__(self, named):
        self.named = {name: np.array(value, dtype=np.float64) for name, value in named.items()}
        self.used = set()

    def __getitem__(self, name):
        self.used.add(name)
        return self.named[name]

    def linear(self, name, x):
        return x @ self[name + ".weight"].T + self[name + ".bias"]


def conv2d(x, w, b, padding):
    k = w.shape[-1]
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(2, 3))
    return np.einsum("nchwij,ocij->nohw", windows, w) + b[None, :, None, None]


def max_pool2(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def mlp_loss(knobs, weights, x, y):
    index, h = 0, x
    for _ in knobs["hidden"]:
        h = activation(knobs["activation"], weights.linear(str(index), h))
        index += 3 if knobs["dropout"] > 0 else 2
    return binary_cross_entropy_with_logits(weights.linear(str(index), h)[:, 0], y)


def cnn_loss(knobs, weights, x, y):
    padding = knobs["kernel"] // 2
    h = x.reshape(-1, 1, 12, 12)
    index = 0
    for _ in range(2 if knobs["filters2"] > 0 else 1):
        h = max_pool2(activation(knobs["activation"], conv2d(h, weights[f"{index}.weight"], weights[f"{index}.bias"], padding)))
        index += 3
    h = h.reshape(h.shape[0], -1)
    index += 2 if knobs["dropout"] > 0 else 1
    if knobs["hidden"] > 0:
        h = activation(knobs["activation"], weights.linear(str(index), h))
        index += 3 if knobs["dropout"] > 0 else 2
    return cross_entropy(weights.linear(str(index), h), y)


def recurrent_loss(knobs, weights, sequences, y, marked_step):
    symbols, hidden = knobs["symbols"], knobs["hiddenSize"]
    x = np.eye(symbols + 1)[sequences]
    x[:, marked_step, symbols] = 1.0
    h = np.zeros((len(sequences), hidden))
    c = np.zeros((len(sequences), hidden))
    for t in range(x.shape[1]):
        if knobs["model"] == "lstm":
            z = x[:, t] @ weights["cell.Wx"] + h @ weights["cell.Wh"] + weights["cell.b"]
            f, i, g, o = np.split(z, 4, axis=1)
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
            h = sigmoid(o) * np.tanh(c)
        else:
            h = np.tanh(x[:, t] @ weights["cell.U"] + h @ weights["cell.W"] + weights["cell.b"])
    return cross_entropy(weights.linear("head", h), y)


def layer_norm(weights, name, x, eps):
    centred = x - x.mean(axis=-1, keepdims=True)
    return centred / np.sqrt((centred**2).mean(axis=-1, keepdims=True) + eps) * weights[name + ".weight"] + weights[name + ".bias"]


def transformer_loss(knobs, weights, tokens, targets, eps):
    heads, d_model = knobs["heads"], knobs["dModel"]
    d_k = d_model // heads
    batch, steps = tokens.shape
    h = weights["tokens.weight"][tokens] + weights["positions.weight"][np.arange(steps)]
    for layer in range(knobs["layers"]):
        at = f"layers.{layer}"

        def split(t):
            return t.reshape(batch, steps, heads, d_k).transpose(0, 2, 1, 3)

        q, k, v = (split(weights.linear(f"{at}.attention.{p}", h)) for p in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_k)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attention = scores / scores.sum(axis=-1, keepdims=True)
        attended = weights.linear(f"{at}.attention.output", (attention @ v).transpose(0, 2, 1, 3).reshape(batch, steps, d_model))
        h = layer_norm(weights, f"{at}.norm1", h + attended, eps)
        ff = weights.linear(f"{at}.contract", np.maximum(weights.linear(f"{at}.expand", h), 0))
        h = layer_norm(weights, f"{at}.norm2", h + ff, eps)
    logits = weights.linear("head", h).reshape(-1, knobs["vocab"])
    return cross_entropy(logits, targets.reshape(-1))


def classic_replay(found):
    """The script's one-example-at-a-time loop: the final weights [w0, w1, w2] (None if they overflow)."""
    knobs = found["KNOBS"]
    w = np.array([found["INITIAL_WEIGHTS"]["bias"][0], *found["INITIAL_WEIGHTS"]["weight"][0]])
    xs, ys = np.array(found["TRAIN_X"], dtype=np.float64), np.array(found["TRAIN_Y"], dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(knobs["epochs"]):
            mistakes = 0
            for x, label in zip(xs, ys):
                s = w[1] * x[0] + w[2] * x[1] + w[0]
                if knobs["model"] == "perceptron":
                    if (1.0 if s > 0 else -1.0) == label:
                        continue
                    mistakes += 1
                    step = knobs["lr"] * label
                else:
                    step = knobs["lr"] * (label - s)
                w = w + step * np.array([1.0, x[0], x[1]])
            if knobs["model"] == "perceptron" and mistakes == 0:
                break
            if not np.all(np.isfinite(w)):
                return None
    return w.tolist()


def main(path):
    found = literals(path)
    if found["KNOBS"]["model"] in ("perceptron", "delta-rule"):
        print(json.dumps({"final": classic_replay(found), "engine_final": found["ENGINE_FINAL_WEIGHTS"]}))
        return
    knobs, batch = found["KNOBS"], found["FIRST_BATCH"]
    weights = Weights(found["INITIAL_WEIGHTS"])
    model = knobs["model"]
    if model == "mlp":
        loss = mlp_loss(knobs, weights, np.array(found["TRAIN_X"])[batch], np.array(found["TRAIN_Y"], dtype=np.float64)[batch])
    elif model == "cnn":
        loss = cnn_loss(knobs, weights, np.array(found["TRAIN_X"])[batch], np.array(found["TRAIN_Y"])[batch])
    elif model in ("rnn", "lstm"):
        loss = recurrent_loss(knobs, weights, np.array(found["TRAIN_SEQUENCES"])[batch], np.array(found["TRAIN_Y"])[batch], found["MARKED_STEP"])
    else:
        loss = transformer_loss(knobs, weights, np.array(found["TRAIN_X"])[batch], np.array(found["TRAIN_Y"])[batch], found["LAYER_NORM_EPS"])
    unused = sorted(set(weights.named) - weights.used)
    print(json.dumps({"loss": loss, "engine_loss": found["ENGINE_LOSS"], "unused": unused}))


if __name__ == "__main__":
    main(sys.argv[1])
