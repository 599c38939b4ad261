"""Benchmark autograding: nbgrader's serial run against the class grader on 2 cores.

    .venv/bin/python benchmarks/bench_grading.py [ASSIGNMENT] [--students 40] [--jobs 2]

Builds one course with N example submissions (the bundled examples, repeated under new
student ids), grades it once with plain `nbgrader autograde` (one process, students one after
another) and once, in a fresh copy, with `python -m tools.course autograde --jobs J`, checks
that both give identical grades and prints seconds per submission and the speed-up.
"""
import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import course, grading  # noqa: E402


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

    t0 = time.perf_counter()
    course.autograde(serial, args.name)
    t_serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    outcomes = grading.autograde_class(parallel, args.name, jobs=args.jobs)
    t_parallel = time.perf_counter() - t0

    same = course.read_scores(serial, args.name) == course.read_scores(parallel, args.name)
    n = len(students)
    print(f"{args.name}: {n} submissions, {sum(o.status == 'graded' for o in outcomes)} graded "
          f"by the class grader; grades identical to serial: {same}")
    print(f"  nbgrader autograde (serial)      {t_serial:7.1f} s   {t_serial / n:5.2f} s/submission")
    print(f"  tools.course autograde --jobs {args.jobs}  {t_parallel:7.1f} s   "
          f"{t_parallel / n:5.2f} s/submission")
    print(f"  speed-up {t_serial / t_parallel:.2f}x")
    shutil.rmtree(work)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
