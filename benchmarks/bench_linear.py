"""Benchmark the SVM and softmax losses of solutions/lecture03_linear side by side.

    .venv/bin/python benchmarks/bench_linear.py [--repeat 3] [--num-train 49000]

Times svm_loss_naive / svm_loss_vectorized / softmax_loss_naive / softmax_loss_vectorized
(loss and gradient, float64, the bias column included: D = 3073, C = 10) and the one product
`X @ W` the vectorized versions need, on the same N x D rows in one process, interleaved, and
prints the median of each, the ratios and whether the targets are met:
- each vectorized loss at least 20x faster than its naive version;
- each vectorized loss within 3x of the time of one `X @ W`.
Uses CIFAR-10 when it is on disk, otherwise the offline dataset (timings depend on the sizes,
not on the pixel values).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cs231n_utils import load_dataset, preprocess_rows, split_data  # noqa: E402
from cs231n_utils.checks import check_loss_inputs  # noqa: E402
from tools.notebooks import answer_sources, read  # noqa: E402

LOSSES = ("svm_loss_naive", "svm_loss_vectorized", "softmax_loss_naive", "softmax_loss_vectorized")
NAIVE_TARGET, PRODUCT_TARGET = 20.0, 3.0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--num-train", type=int, default=49000)
    parser.add_argument("--reg", type=float, default=2.5e4)
    args = parser.parse_args(argv)

    # the answer cells, run with what the notebook's setup cell provides them
    fns = {"np": np, "check_loss_inputs": check_loss_inputs}
    notebook = REPO / "solutions" / "lecture03_linear" / "linear_classifiers.ipynb"
    for grade_id, source in answer_sources(read(notebook)).items():
        exec(compile(source, f"<{grade_id}>", "exec"), fns)
    data = load_dataset()
    splits = split_data(data.X_train, data.y_train, data.X_test, data.y_test,
                        num_training=args.num_train, num_validation=1000)
    rows, _ = preprocess_rows({"X_train": splits["X_train"]}, bias=True, dtype=np.float64)
    X, y = rows["X_train"], splits["y_train"]
    W = 0.0001 * np.random.default_rng(231).standard_normal((X.shape[1], 10))
    print(f"linear losses, loss + gradient, N = {X.shape[0]}, D = {X.shape[1]}, C = {W.shape[1]}, "
          f"float64, reg {args.reg:g}, median of {args.repeat} interleaved runs")

    calls = {name: (lambda fn=fns[name]: fn(W, X, y, args.reg)) for name in LOSSES}
    calls["X @ W"] = lambda: X @ W
    times = {name: [] for name in calls}
    results = {}
    for _ in range(args.repeat):
        for name, call in calls.items():
            t0 = time.perf_counter()
            results[name] = call()
            times[name].append(time.perf_counter() - t0)
    med = {name: statistics.median(t) for name, t in times.items()}
    for name in calls:
        print(f"  {name:26s} {med[name]:9.3f} s")
    met_all = True
    for family in ("svm", "softmax"):
        naive, vec = f"{family}_loss_naive", f"{family}_loss_vectorized"
        (l_n, g_n), (l_v, g_v) = results[naive], results[vec]
        print(f"  {family}: naive vs vectorized: loss difference {abs(l_n - l_v):.1e}, "
              f"dW Frobenius difference {np.linalg.norm(g_n - g_v):.1e}")
        speedup, vs_product = med[naive] / med[vec], med[vec] / med["X @ W"]
        ok_speedup, ok_product = speedup >= NAIVE_TARGET, vs_product <= PRODUCT_TARGET
        met_all &= ok_speedup and ok_product
        print(f"  {family}: naive / vectorized = {speedup:6.1f}x  (target >= {NAIVE_TARGET:g}x: "
              f"{'met' if ok_speedup else 'NOT met'})")
        print(f"  {family}: vectorized / (X @ W) = {vs_product:6.2f}x  (target <= {PRODUCT_TARGET:g}x: "
              f"{'met' if ok_product else 'NOT met'})")
    return 0 if met_all else 1


if __name__ == "__main__":
    sys.exit(main())
