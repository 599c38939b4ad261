"""What the benchmarks share: target lines and timing helpers.

Each benchmark is run as a script (`python benchmarks/bench_x.py`) and imports this module as
`benchmarks.common` after putting the repository on sys.path.
"""
import statistics
import time

__all__ = ["target_line", "median_time", "paired_ratio"]


def target_line(what, figure, goal, met):
    """One aligned line: the target, the figure measured, and whether it was met."""
    return f"  target {what:44s} {goal:>10s}   got {figure:>10s}   {'met' if met else 'NOT met'}"


def median_time(fn, repeat, warmup=2):
    """Median wall time of fn() over `repeat` runs after `warmup` untimed runs, in seconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def paired_ratio(fn_a, fn_b, repeat):
    """Median of time(fn_a) / time(fn_b) over `repeat` back-to-back pairs of calls.

    On a shared machine the load changes between two blocks of runs; a pair of calls a few
    milliseconds apart sees the same load, so the ratio of the pair is steadier.
    """
    fn_a(), fn_b()
    ratios = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn_a()
        t1 = time.perf_counter()
        fn_b()
        ratios.append((t1 - t0) / (time.perf_counter() - t1))
    return statistics.median(ratios)
