"""Autograde a class: one nbgrader process per student, several at once, a report for everyone.

    python -m tools.course autograde ASSIGNMENT [--jobs 2] [--student ID ...] [--root DIR]

Each student is graded by its own `nbgrader autograde ASSIGNMENT --student ID` process, so a
submission that hangs, floods its output or exhausts memory costs only that student: the
process has a memory limit and a wall-clock limit and is killed with its kernel past them.
Before grading, every submission is checked for the notebooks the assignment expects (present,
valid JSON); problems are reported per student, never stopping the others.

The gradebook tolerates concurrent graders: a SQLite gradebook is switched to WAL journaling
and opened with a long busy timeout, so writers queue instead of failing; a server database
(`--db-url postgresql+psycopg2://...`) works as it is. That is also how a large course grades across
machines: point every machine's nbgrader at one PostgreSQL gradebook and run this command (or
plain `nbgrader autograde A --student S` jobs) on each machine for its share of the students,
with `submitted/` and `autograded/` on a shared file system (see INSTRUCTORS.md).
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

__all__ = ["Outcome", "check_submission", "prepare_sqlite", "autograde_class", "format_report"]

Outcome = namedtuple("Outcome", "student status seconds detail")


def check_submission(folder, expected):
    """Problems with one student's submission folder, as a list of sentences (empty = fine).

    Inputs:
    - folder: submitted/<student>/<assignment>
    - expected: notebook file names the assignment has, e.g. ["knn.ipynb"]
    """
    problems = []
    present = {p.name for p in Path(folder).glob("*.ipynb")}
    for name in expected:
        path = Path(folder) / name
        if name not in present:
            others = sorted(present - set(expected))
            hint = f" (found {', '.join(others)}: rename it to {name})" if others else ""
            problems.append(f"{name} is missing{hint}")
            continue
        try:
            nbformat.read(str(path), as_version=4)
        except Exception as e:  # not JSON, or not a notebook
            problems.append(f"{name} is not a valid notebook ({type(e).__name__}: "
                            f"{str(e).splitlines()[0][:120]})")
    return problems


def prepare_sqlite(db_path):
    """Switch a SQLite gradebook to WAL journaling; returns the URL graders should use."""
    if Path(db_path).exists():
        with sqlite3.connect(db_path) as con:
            con.execute("PRAGMA journal_mode=WAL")
    # pysqlite's timeout: wait up to 10 minutes for another grader's write to finish
    return f"sqlite:///{Path(db_path).resolve()}?timeout=600"


# sets the address-space limit, then becomes the grader (preexec_fn is unsafe with threads)
_LAUNCH = ("import os, resource, sys; n = int(sys.argv[1]); "
           "n and resource.setrlimit(resource.RLIMIT_AS, (n, n)); "
           "os.execv(sys.argv[2], sys.argv[2:])")


def _grade(root, assignment, student, db_url, timeout, memory_bytes, threads):
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if threads:
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
    cmd = [sys.executable, "-c", _LAUNCH, str(memory_bytes or 0),
           sys.executable, "-m", "nbgrader", "autograde", assignment, "--student", student,
           "--force", f"--CourseDirectory.db_url={db_url}"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # nbgrader and the student's kernel
        proc.communicate()
        return Outcome(student, "timeout", time.monotonic() - start,
                       f"grading took longer than {timeout} s and was stopped")
    seconds = time.monotonic() - start
    log = Path(root) / "autograded" / student / assignment / "autograde.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(err)
    if proc.returncode != 0:
        last = [l for l in err.splitlines() if "ERROR" in l or "Error" in l][-1:] or ["see log"]
        return Outcome(student, "failed", seconds, f"{last[0][:200]} (log: {log})")
    return Outcome(student, "graded", seconds, "")


def autograde_class(root, assignment, students=None, jobs=2, db_url=None, timeout=1800,
                    memory_gb=8, threads=None):
    """Autograde every (or the given) student's submission of `assignment` in course `root`.

    Inputs:
    - root: course directory (nbgrader_config.py, solutions/, submitted/)
    - students: ids to grade, default every folder in submitted/ holding this assignment
    - jobs: graders running at once
    - db_url: gradebook URL; default the course's SQLite gradebook, prepared for concurrency
    - timeout: seconds one student's grading may take in all (cells have their own limit)
    - memory_gb: address-space limit of each grader and its kernel, or None
    - threads: BLAS threads per grader (default: cores // jobs)

    Returns a list of Outcome(student, status, seconds, detail), status one of "graded",
    "not graded" (submission problems), "failed", "timeout".
    """
    root = Path(root).resolve()
    expected = sorted(p.name for p in (root / "solutions" / assignment).glob("*.ipynb"))
    if not expected:
        raise FileNotFoundError(f"no source notebooks in {root / 'solutions' / assignment}")
    if students is None:
        students = sorted(p.parent.name for p in (root / "submitted").glob(f"*/{assignment}")
                          if p.is_dir())
    db_url = db_url or prepare_sqlite(root / "gradebook.db")
    threads = threads or max(1, (os.cpu_count() or 1) // max(1, jobs))
    memory = int(memory_gb * 2**30) if memory_gb else None

    outcomes, todo = {}, []
    for student in students:
        problems = check_submission(root / "submitted" / student / assignment, expected)
        if problems:
            outcomes[student] = Outcome(student, "not graded", 0.0, "; ".join(problems))
        else:
            todo.append(student)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for out in pool.map(lambda s: _grade(root, assignment, s, db_url, timeout, memory,
                                             threads), todo):
            outcomes[out.student] = out
    return [outcomes[s] for s in students]


def format_report(assignment, outcomes, scores):
    """Plain-text report: one line per student with status, score and what went wrong."""
    lines = [f"{assignment}: {len(outcomes)} submissions",
             f"  {'student':40s} {'status':10s} {'score':>11s} {'time':>7s}  notes"]
    for o in outcomes:
        cells = scores.get(o.student, {})
        got, total = sum(s for s, _ in cells.values()), sum(m for _, m in cells.values())
        score = f"{got:5g} / {total:<4g}" if cells else "-"
        lost = ", ".join(g for g, (s, m) in cells.items() if s < m)
        note = o.detail or (f"lost points in {lost}" if lost else "")
        lines.append(f"  {o.student:40s} {o.status:10s} {score:>11s} {o.seconds:6.1f}s  {note}")
    return "\n".join(lines)

