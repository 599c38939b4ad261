"""Benchmark cs231n_utils.fast_layers against naive loops and PyTorch on the CPU.

    .venv/bin/python benchmarks/bench_conv.py [--repeat 10] [--threads 1,2]

For each thread count T (one subprocess each): the fast layers with T threads of their own
(CS231N_THREADS=T) and one OpenBLAS thread per product (OPENBLAS_NUM_THREADS=1, what their
chunk-sized products want), PyTorch with T threads. At three convolution sizes, float32 and
float64: the naive loops (timed on
a reduced batch, scaled per image), conv_forward_fast + conv_backward_fast, and PyTorch's
conv2d forward + backward (dx, dw, db all computed). Each library is timed in its own block of
runs after a warm-up, and the medians are reported: alternating call by call makes idle thread
pools slow each other down. With one thread there are no pools, and the "paired" column also
alternates the two call by call (median of the per-pair ratios), which a changing machine load
disturbs least; the 1-thread PyTorch target uses it. Also max pooling 2x2 stride 2 and the
GEMM peak that the GFLOP/s figures compare with: T 2048x2048 matrix products run side by side
in T threads.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import median_time, paired_ratio, target_line  # noqa: E402
from cs231n_utils.fast_layers import (  # noqa: E402
    conv_backward_fast, conv_forward_fast, max_pool_backward_fast, max_pool_forward_fast,
)

# (name, x shape, w shape, stride, pad)
SIZES = [
    ("small", (50, 3, 31, 31), (25, 3, 3, 3), 2, 1),
    ("7x7", (100, 3, 32, 32), (32, 3, 7, 7), 1, 3),
    ("64ch", (64, 64, 16, 16), (64, 64, 3, 3), 1, 1),
]
POOL_X = (100, 32, 32, 32)
NAIVE_BATCH = 2  # images the naive loops run on; their time is scaled to the full batch
TORCH_TARGET = 2.0  # fast fwd+bwd at most this many times PyTorch's time (float32)
NAIVE_TARGET = 100  # fast fwd+bwd at least this many times faster than naive loops


def conv_naive(x, w, b, stride, pad, dout):
    """Forward and backward with one loop iteration per output position."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H2, W2 = 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, H2, W2), x.dtype)
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for n in range(N):
        for f in range(F):
            for i in range(H2):
                for j in range(W2):
                    patch = xp[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    for n in range(N):
        for f in range(F):
            for i in range(H2):
                for j in range(W2):
                    rows = slice(i * stride, i * stride + HH)
                    cols = slice(j * stride, j * stride + WW)
                    dw[f] += xp[n, :, rows, cols] * dout[n, f, i, j]
                    dxp[n, :, rows, cols] += w[f] * dout[n, f, i, j]
    return out, dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))


def fast_step(x, w, b, param, dout):
    out, cache = conv_forward_fast(x, w, b, param)
    return conv_backward_fast(dout, cache)


def load_torch(threads):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    return torch


def measure(threads, repeat):
    """Everything for one thread count; returns a JSON-able dict."""
    torch = load_torch(threads)
    rng = np.random.default_rng(231)
    result = {"threads": threads, "torch": torch.__version__ if torch else None,
              "gemm": {}, "conv": [], "pool": {}, "load": os.getloadavg()[0]}
    with ThreadPoolExecutor(threads) as pool:
        for dtype in (np.float32, np.float64):
            a = rng.standard_normal((2048, 2048)).astype(dtype)
            t = median_time(lambda: list(pool.map(lambda _: a @ a, range(threads))),
                            max(3, repeat // 2))
            result["gemm"][np.dtype(dtype).name] = threads * 2 * 2048**3 / t / 1e9

    for dtype in (np.float32, np.float64):
        for name, x_shape, w_shape, stride, pad in SIZES:
            x = rng.standard_normal(x_shape).astype(dtype)
            w = (rng.standard_normal(w_shape) * 0.1).astype(dtype)
            b = rng.standard_normal(w_shape[0]).astype(dtype)
            param = {"stride": stride, "pad": pad}
            out, _ = conv_forward_fast(x, w, b, param)
            dout = rng.standard_normal(out.shape).astype(dtype)
            N, F, H2, W2 = out.shape
            flops = 3 * 2 * N * F * H2 * W2 * np.prod(w_shape[1:])  # forward, dw, dx
            row = {"size": name, "dtype": np.dtype(dtype).name, "gflop": flops / 1e9}

            t0 = time.perf_counter()
            conv_naive(x[:NAIVE_BATCH], w, b, stride, pad, dout[:NAIVE_BATCH])
            row["naive"] = (time.perf_counter() - t0) * N / NAIVE_BATCH
            row["fast_fwd"] = median_time(lambda: conv_forward_fast(x, w, b, param), repeat)
            row["fast"] = median_time(lambda: fast_step(x, w, b, param, dout), repeat)
            no_dx = dict(param, need_dx=False)
            row["fast_no_dx"] = median_time(lambda: fast_step(x, w, b, no_dx, dout), repeat)
            if torch:
                tx, tw, tb = (torch.from_numpy(v).requires_grad_() for v in (x, w, b))
                tdout = torch.from_numpy(dout)

                def torch_fwd():
                    with torch.no_grad():
                        torch.nn.functional.conv2d(tx, tw, tb, stride=stride, padding=pad)

                def torch_step():
                    tx.grad = tw.grad = tb.grad = None
                    out = torch.nn.functional.conv2d(tx, tw, tb, stride=stride, padding=pad)
                    out.backward(tdout)

                row["torch_fwd"] = median_time(torch_fwd, repeat)
                row["torch"] = median_time(torch_step, repeat)
                if threads == 1:  # no thread pools to disturb each other: pair the calls
                    row["paired"] = paired_ratio(lambda: fast_step(x, w, b, param, dout),
                                                 torch_step, repeat)
            result["conv"].append(row)

    x = rng.standard_normal(POOL_X).astype(np.float32)
    param = {"pool_height": 2, "pool_width": 2, "stride": 2}
    out, cache = max_pool_forward_fast(x, param)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    pool = result["pool"]
    pool["fast_fwd"] = median_time(lambda: max_pool_forward_fast(x, param), repeat)
    pool["fast_bwd"] = median_time(lambda: max_pool_backward_fast(dout, cache), repeat)
    if torch:
        tx, tdout = torch.from_numpy(x).requires_grad_(), torch.from_numpy(dout)

        def torch_pool_fwd():
            with torch.no_grad():
                torch.nn.functional.max_pool2d(tx, 2, 2)

        pool["torch_fwd"] = median_time(torch_pool_fwd, repeat)
        times = []
        for k in range(repeat + 2):  # only the backward call is timed
            tx.grad = None
            tout = torch.nn.functional.max_pool2d(tx, 2, 2)
            t0 = time.perf_counter()
            tout.backward(tdout)
            if k >= 2:
                times.append(time.perf_counter() - t0)
        pool["torch_bwd"] = statistics.median(times)
    result["load"] = max(result["load"], os.getloadavg()[0])
    return result


def ms(seconds):
    return f"{seconds * 1e3:.2f}"


def report(result):
    t = result["threads"]
    gemm = result["gemm"]
    print(f"\n== threads: {t}   GEMM 2048^2 peak: float32 {gemm['float32']:.0f} GFLOP/s, "
          f"float64 {gemm['float64']:.0f} GFLOP/s   (1-min load average up to "
          f"{result['load']:.1f} on {os.cpu_count()} cores)")
    if result["torch"] is None:
        print("torch not installed: pip install torch==2.13.0")
    print(f"naive loops timed on {NAIVE_BATCH} images and scaled to the full batch")
    head = ("size", "dtype", "naive s", "fast fwd", "fast f+b", "no dx", "torch fwd",
            "torch f+b", "fast/torch", "paired", "naive/fast", "GFLOP/s", "% peak")
    print("  ".join(f"{h:>10s}" for h in head) + "   (times in ms, medians)")
    for row in result["conv"]:
        rate = row["gflop"] / row["fast"]
        cells = [row["size"], row["dtype"], f"{row['naive']:.1f}", ms(row["fast_fwd"]),
                 ms(row["fast"]), ms(row["fast_no_dx"]),
                 ms(row["torch_fwd"]) if "torch" in row else "-",
                 ms(row["torch"]) if "torch" in row else "-",
                 f"{row['fast'] / row['torch']:.2f}x" if "torch" in row else "-",
                 f"{row['paired']:.2f}x" if "paired" in row else "-",
                 f"{row['naive'] / row['fast']:.0f}x", f"{rate:.0f}",
                 f"{100 * rate / gemm[row['dtype']]:.0f}%"]
        print("  ".join(f"{c:>10s}" for c in cells))
    pool = result["pool"]
    line = f"max pool 2x2 s2 x{POOL_X} float32: fast fwd {ms(pool['fast_fwd'])} ms, " \
           f"bwd {ms(pool['fast_bwd'])} ms"
    if "torch_fwd" in pool:
        line += f"; torch fwd {ms(pool['torch_fwd'])} ms, bwd {ms(pool['torch_bwd'])} ms"
    print(line)
    for row in result["conv"]:
        what = f"{row['size']} {row['dtype']} naive/fast"
        ratio = row["naive"] / row["fast"]
        print(target_line(what, f"{ratio:.0f}x", f">= {NAIVE_TARGET}x", ratio >= NAIVE_TARGET))
    for row in result["conv"]:
        if "torch" in row and row["dtype"] == "float32":
            # with one thread the paired ratio, which a changing load disturbs least
            ratio = row.get("paired", row["fast"] / row["torch"])
            kind = "paired" if "paired" in row else "blocks"
            print(target_line(f"{row['size']} float32 fast/torch ({kind})", f"{ratio:.2f}x",
                              f"<= {TORCH_TARGET}x", ratio <= TORCH_TARGET))
    if "torch_fwd" in pool:
        ratio = pool["fast_fwd"] / pool["torch_fwd"]
        print(target_line("max pool fwd fast/torch", f"{ratio:.2f}x", "< 1x", ratio < 1))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)  # one thread count, JSON out
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker, args.repeat)))
        return
    print(f"conv fwd+bwd, median of {args.repeat} runs per block; numpy {np.__version__}")
    for threads in (int(t) for t in args.threads.split(",")):
        # thread pools are sized at start-up: a fresh process per thread count
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS=str(threads),
                   CS231N_THREADS=str(threads))
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", str(threads), "--repeat", str(args.repeat)],
            env=env, capture_output=True, text=True, check=True)
        report(json.loads(proc.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
