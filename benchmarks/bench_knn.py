"""Benchmark the kNN distance implementations of solutions/lecture02_knn side by side.

    .venv/bin/python benchmarks/bench_knn.py [--repeat 3] [--num-test 500] [--num-train 5000]

Times compute_distances_two_loops / one_loop / no_loops (L2, float64) on the same
num_test x num_train x 3072 data in one process, interleaved, and prints the median of each
and the speed-up ratios. Uses CIFAR-10 when it is on disk, otherwise the offline dataset (the
timings depend on the sizes, not on the pixel values).

Each target is printed next to its figure with `met` or `NOT met`. The run exits 1 when the
implementations disagree; a missed speed target is reported only (shared machines are noisy).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import target_line  # noqa: E402
from cs231n_utils import load_dataset  # noqa: E402
from tools.notebooks import exec_answers  # noqa: E402

VERSIONS = ("compute_distances_two_loops", "compute_distances_one_loop",
            "compute_distances_no_loops")
SPEEDUP_TARGET = 100  # no loops at least this many times faster than two loops
DIFF_TARGET = 1e-3  # Frobenius difference of each version to two loops


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--num-test", type=int, default=500)
    parser.add_argument("--num-train", type=int, default=5000)
    args = parser.parse_args(argv)

    fns = exec_answers(REPO / "solutions" / "lecture02_knn" / "knn.ipynb")
    data = load_dataset()
    X_train = data.X_train[:args.num_train].reshape(args.num_train, -1).astype(np.float64)
    X_test = data.X_test[:args.num_test].reshape(args.num_test, -1).astype(np.float64)
    print(f"kNN L2 distances, {args.num_test} test x {args.num_train} train x "
          f"{X_train.shape[1]} dims, float64, median of {args.repeat} interleaved runs")

    times = {name: [] for name in VERSIONS}
    results = {}
    for _ in range(args.repeat):
        for name in VERSIONS:
            t0 = time.perf_counter()
            results[name] = fns[name](X_test, X_train)
            times[name].append(time.perf_counter() - t0)
    ref = results["compute_distances_two_loops"]
    med = {name: statistics.median(t) for name, t in times.items()}
    diffs = {}
    for name in VERSIONS:
        diffs[name] = np.linalg.norm(results[name] - ref)
        print(f"  {name:30s} {med[name]:9.3f} s   (Frobenius diff to two loops {diffs[name]:.1e})")
    speedup = med[VERSIONS[0]] / med[VERSIONS[2]]
    print(f"  two loops / no loops = {speedup:7.1f}x")
    print(f"  one loop  / no loops = {med[VERSIONS[1]] / med[VERSIONS[2]]:7.1f}x")
    print(f"  two loops / one loop = {med[VERSIONS[0]] / med[VERSIONS[1]]:7.2f}x")
    worst = max(diffs.values())
    agree = worst < DIFF_TARGET
    print(target_line("all versions agree (Frobenius diff)", f"{worst:.1e}",
                      f"< {DIFF_TARGET:.0e}", agree))
    print(target_line("two loops / no loops", f"{speedup:.1f}x", f">= {SPEEDUP_TARGET}x",
                      speedup >= SPEEDUP_TARGET))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
