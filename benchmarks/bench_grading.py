"""Benchmark autograding: nbgrader's serial run against the class grader on 2 cores.

    .venv/bin/python benchmarks/bench_grading.py [ASSIGNMENT] [--students 40] [--jobs 2]

Builds one course with N example submissions (the bundled examples, repeated under new
student ids), grades it once with plain `nbgrader autograde` (one process, students one after
another) and once, in a fresh copy, with `python -m tools.course autograde --jobs J`, checks
that both give identical grades and prints seconds per submission and the speed-up.

While a grader runs, a progress line shows how many submissions it has finished. Each target
is printed next to its figure with `met` or `NOT met`; the run exits 1 when the grades differ
or a submission was not graded, while a missed speed-up is reported only (noisy machines).
"""
import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import target_line  # noqa: E402
from tools import course, grading  # noqa: E402

SPEEDUP_PER_CORE = 0.75  # target: speed-up of at least 0.75 x min(jobs, cores)


def finished(root, name, students, notebooks):
    """How many of `students` have every autograded notebook of `name` written."""
    out = Path(root) / "autograded"
    return sum(all((out / s / name / nb).is_file() for nb in notebooks) for s in students)


@contextmanager
def progress(label, root, name, students, every=10.0):
    """Print `label: k/N graded, t s` while the block runs (in place on a terminal)."""
    notebooks = [p.name for p in (Path(root) / "solutions" / name).glob("*.ipynb")]
    stop = threading.Event()
    start = time.perf_counter()
    tty = sys.stdout.isatty()

    def report(end="\n"):
        done = finished(root, name, students, notebooks)
        print(f"\r  {label}: {done}/{len(students)} graded, {time.perf_counter() - start:5.0f} s",
              end=end, flush=True)

    def loop():
        while not stop.wait(1.0 if tty else every):
            report("" if tty else "\n")

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        report()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name", nargs="?", default="lecture02_knn")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    serial = course.new_course(work / "serial", [args.name])
    course.generate(serial, [args.name])
    examples = course.build_examples(serial, args.name)
    # repeat the examples under new ids until there are N submissions
    sub = serial / "submitted"
    for i in range(args.students):
        src = examples[i % len(examples)]
        if i >= len(examples):
            shutil.copytree(sub / src, sub / f"{src}-{i}")
    students = sorted(p.name for p in sub.iterdir())[:args.students]
    for extra in set(p.name for p in sub.iterdir()) - set(students):
        shutil.rmtree(sub / extra)
    parallel = course.new_course(work / "parallel", [args.name])
    course.generate(parallel, [args.name])
    shutil.copytree(sub, parallel / "submitted")

    n = len(students)
    print(f"{args.name}: grading {n} submissions twice (serial, then --jobs {args.jobs})",
          flush=True)
    t0 = time.perf_counter()
    with progress("nbgrader autograde (serial)", serial, args.name, students):
        course.autograde(serial, args.name)
    t_serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    with progress(f"tools.course autograde --jobs {args.jobs}", parallel, args.name, students):
        outcomes = grading.autograde_class(parallel, args.name, jobs=args.jobs)
    t_parallel = time.perf_counter() - t0

    same = course.read_scores(serial, args.name) == course.read_scores(parallel, args.name)
    graded = sum(o.status == "graded" for o in outcomes)
    speedup = t_serial / t_parallel
    goal = SPEEDUP_PER_CORE * min(args.jobs, os.cpu_count() or 1)
    print(f"{args.name}: {n} submissions, {graded} graded by the class grader; grades "
          f"identical to serial: {same}")
    print(f"  nbgrader autograde (serial)      {t_serial:7.1f} s   {t_serial / n:5.2f} s/submission")
    print(f"  tools.course autograde --jobs {args.jobs}  {t_parallel:7.1f} s   "
          f"{t_parallel / n:5.2f} s/submission")
    print(f"  speed-up {speedup:.2f}x")
    print(target_line("grades identical to serial", "yes" if same else "no", "yes", same))
    print(target_line("submissions graded in parallel", f"{graded}/{n}", f"{n}/{n}", graded == n))
    print(target_line(f"speed-up with --jobs {args.jobs}", f"{speedup:.2f}x", f">= {goal:.2f}x",
                      speedup >= goal))
    shutil.rmtree(work)
    return 0 if same and graded == n else 1


if __name__ == "__main__":
    sys.exit(main())
