"""Benchmark the two-layer network of solutions/lecture04_backprop against PyTorch on the CPU.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_two_layer.py [--repeat 20] [--epochs 1] [--threads N]

The numpy side is the solution notebook's own code (`two_layer_net_loss` with the notebook's
affine / ReLU / softmax layers, loaded with `tools.notebooks.exec_answers`); the PyTorch side is
the same network (affine - ReLU - affine - softmax cross-entropy + L2) written with torch
tensors and autograd, in the same process. Measured, for float32 and float64 and hidden sizes
100 and 500:

- one forward + backward pass on a batch of 200 images (3072 inputs, 10 classes): the median of
  `--repeat` runs after a warm-up, each library timed in its own block of runs;
- one epoch: 49,000 images in batches of 200, forward + backward + an SGD update per batch.

The layer API of the notebook returns dx for every affine layer, also for the first one, whose
input is the data: three large matrix products per step where autograd, which knows that the
images need no gradient, does two. The table therefore shows PyTorch twice: computing the same
quantities (the images' gradient too, `requires_grad=True`), which the 1.5x target is judged on,
and PyTorch's default (no gradient for the images).

PyTorch gets as many intra-op threads as OpenBLAS (OPENBLAS_NUM_THREADS, else PyTorch's
default), so both libraries use the same cores. The machine's load average is printed at the
start and the end: on a shared machine the ratios move by tens of percent.

Each target is printed next to its figure with `met` or `NOT met`; a missed speed target is
reported only (shared machines are noisy). The run exits 1 when numpy and PyTorch disagree on
the loss or the gradients.
"""
import argparse
import os
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import median_time, target_line  # noqa: E402
from cs231n_utils import load_dataset, preprocess_rows, split_data  # noqa: E402
from tools.notebooks import exec_answers  # noqa: E402

RATIO_TARGET = 1.5  # numpy at most this many times PyTorch's time (same work)
BATCH, NUM_TRAIN, NUM_CLASSES, REG, LR = 200, 49000, 10, 1e-3, 1e-3


def make_params(D, H, C, dtype, seed=231):
    rng = np.random.default_rng(seed)
    return {"W1": (1e-2 * rng.standard_normal((D, H))).astype(dtype), "b1": np.zeros(H, dtype),
            "W2": (1e-2 * rng.standard_normal((H, C))).astype(dtype), "b2": np.zeros(C, dtype)}


class NumpyNet:
    def __init__(self, loss_fn, params):
        self.loss_fn, self.params = loss_fn, params

    def step(self, X, y):
        loss, grads = self.loss_fn(self.params, X, y, reg=REG)
        return loss, grads

    def sgd_step(self, X, y):
        loss, grads = self.loss_fn(self.params, X, y, reg=REG)
        for name, w in self.params.items():
            w -= LR * grads[name]
        return loss


class TorchNet:
    def __init__(self, torch, params, input_grad):
        self.torch = torch
        self.params = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
        self.input_grad = input_grad

    def step(self, X, y):
        torch, p = self.torch, self.params
        if self.input_grad:
            X = X.detach().requires_grad_(True)
        for t in p.values():
            t.grad = None
        h = torch.relu(X @ p["W1"] + p["b1"])
        scores = h @ p["W2"] + p["b2"]
        loss = torch.nn.functional.cross_entropy(scores, y) + REG * (
            (p["W1"] * p["W1"]).sum() + (p["W2"] * p["W2"]).sum())
        loss.backward()
        return loss, {k: t.grad for k, t in p.items()}

    def sgd_step(self, X, y):
        loss, grads = self.step(X, y)
        with self.torch.no_grad():
            for name, t in self.params.items():
                t -= LR * grads[name]
        return loss


def run_epoch(net, X, y, batches):
    for start in batches:
        net.sgd_step(X[start:start + BATCH], y[start:start + BATCH])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed batches per measurement")
    parser.add_argument("--epochs", type=int, default=1, help="timed epochs per measurement (median)")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OPENBLAS_NUM_THREADS", 0)),
                        help="PyTorch intra-op threads (default: OPENBLAS_NUM_THREADS, else PyTorch's)")
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: .venv/bin/pip install torch==2.13.0", file=sys.stderr)
        return 2
    if args.threads:
        torch.set_num_threads(args.threads)

    ns = exec_answers(REPO / "solutions" / "lecture04_backprop" / "two_layer_net.ipynb")
    loss_fn = ns["two_layer_net_loss"]
    data = load_dataset(verbose=False)
    splits = split_data(data.X_train, data.y_train, data.X_test, data.y_test, num_training=NUM_TRAIN)
    rows, _ = preprocess_rows(splits, bias=False, dtype=np.float64)
    X64 = rows["X_train"] / rows["X_train"].std()
    y_all = rows["y_train"]
    N = len(X64)
    batches = list(range(0, N - BATCH + 1, BATCH))
    print(f"two-layer net 3072 - H - 10, batches of {BATCH}, {N} training images ({data.name.split(' (')[0]}); "
          f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads)")
    print(f"batch figures: median of {args.repeat} runs after a warm-up; epoch: median of {args.epochs}; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}; "
          f"load average {os.getloadavg()[0]:.1f}")

    failures, lines = 0, []
    header = (f"{'dtype':8s} {'H':>4s} {'what':>14s} {'numpy':>10s} {'torch same':>11s} "
              f"{'torch dflt':>11s} {'numpy img/s':>12s} {'torch img/s':>12s} {'ratio':>6s} "
              f"{'ratio dflt':>10s}")
    print(header)
    for dtype in (np.float32, np.float64):
        X = X64.astype(dtype)
        Xb, yb = X[:BATCH], y_all[:BATCH]
        X_t, y_t = torch.from_numpy(X), torch.from_numpy(y_all)
        for H in (100, 500):
            params = make_params(X.shape[1], H, NUM_CLASSES, dtype)
            np_net = NumpyNet(loss_fn, {k: v.copy() for k, v in params.items()})
            same = TorchNet(torch, params, input_grad=True)
            dflt = TorchNet(torch, params, input_grad=False)
            # the two libraries compute the same loss and gradients
            loss_np, grads_np = np_net.step(Xb, yb)
            loss_t, grads_t = same.step(X_t[:BATCH], y_t[:BATCH])
            tol = 1e-4 if dtype == np.float32 else 1e-10
            worst = max(float(np.max(np.abs(grads_np[k] - grads_t[k].numpy())) /
                              (np.max(np.abs(grads_np[k])) + 1e-12)) for k in params)
            agree = abs(float(loss_np) - float(loss_t.detach())) < tol * 10 and worst < tol * 10
            failures += not agree
            # one batch, forward + backward; each library in its own block of runs
            t_np = median_time(lambda: np_net.step(Xb, yb), args.repeat, warmup=3)
            t_same = median_time(lambda: same.step(X_t[:BATCH], y_t[:BATCH]), args.repeat, warmup=3)
            t_dflt = median_time(lambda: dflt.step(X_t[:BATCH], y_t[:BATCH]), args.repeat, warmup=3)
            name = np.dtype(dtype).name
            print(f"{name:8s} {H:4d} {'batch fwd+bwd':>14s} {t_np * 1e3:8.2f}ms {t_same * 1e3:9.2f}ms "
                  f"{t_dflt * 1e3:9.2f}ms {BATCH / t_np:12,.0f} {BATCH / t_same:12,.0f} "
                  f"{t_np / t_same:6.2f} {t_np / t_dflt:10.2f}   (loss and gradients agree: {agree})",
                  flush=True)
            lines.append(target_line(f"{name} H={H} batch: numpy / torch time", f"{t_np / t_same:.2f}x",
                                     f"<= {RATIO_TARGET}x", t_np / t_same <= RATIO_TARGET))
            # one epoch with SGD updates (parameters move, which does not change the work)
            e_np = median_time(lambda: run_epoch(np_net, X, y_all, batches), args.epochs, warmup=0)
            e_same = median_time(lambda: run_epoch(same, X_t, y_t, batches), args.epochs, warmup=0)
            e_dflt = median_time(lambda: run_epoch(dflt, X_t, y_t, batches), args.epochs, warmup=0)
            n_img = len(batches) * BATCH
            print(f"{name:8s} {H:4d} {'epoch':>14s} {e_np:9.2f}s {e_same:10.2f}s {e_dflt:10.2f}s "
                  f"{n_img / e_np:12,.0f} {n_img / e_same:12,.0f} {e_np / e_same:6.2f} "
                  f"{e_np / e_dflt:10.2f}", flush=True)
            lines.append(target_line(f"{name} H={H} epoch: numpy / torch time", f"{e_np / e_same:.2f}x",
                                     f"<= {RATIO_TARGET}x", e_np / e_same <= RATIO_TARGET))
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    print("\n".join(lines))
    if failures:
        print(f"error: numpy and PyTorch disagree in {failures} configurations", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
