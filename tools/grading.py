"""Autograde a class: several nbgrader processes at once, a report line for every student.

    python -m tools.course autograde ASSIGNMENT [--jobs 2] [--student ID ...] [--root DIR]

The students are split into one shard per job; each shard is graded by one
`nbgrader autograde` process (its start-up paid once, not per student), and the shards run side
by side. Every grader and its kernels have a memory limit and a wall-clock limit, past which
they are killed; a student the shared run did not finish is graded again in a process of its
own, so a submission that crashes or hangs nbgrader costs only that student.
Before grading, every submission is checked for the notebooks the assignment expects (present,
valid JSON); problems are reported per student, never stopping the others. A student who
submitted some of an assignment's notebooks, all valid, is graded on those (nbgrader scores a
missing notebook 0) and reported as `partial`, naming what is missing.

The gradebook tolerates concurrent graders: a SQLite gradebook is switched to WAL journaling
and opened with a long busy timeout, so writers queue instead of failing; a server database
(`--db-url postgresql+psycopg2://...`) works as it is. That is also how a large course grades across
machines: point every machine's nbgrader at one PostgreSQL gradebook and run this command (or
plain `nbgrader autograde A --student S` jobs) on each machine for its share of the students,
with `submitted/` and `autograded/` on a shared file system (see INSTRUCTORS.md).
"""
import os
import shutil
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


def _nbgrader(root, args, timeout, memory_bytes, threads):
    """Run `nbgrader ARGS` under the limits; returns (exit code or None on timeout, stderr)."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if threads:
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "CS231N_THREADS"):
            env[var] = str(threads)
    cmd = [sys.executable, "-c", _LAUNCH, str(memory_bytes or 0),
           sys.executable, "-m", "nbgrader", *args]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        err = proc.communicate(timeout=timeout)[1]
        return proc.returncode, err
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # nbgrader and the student's kernel
        return None, proc.communicate()[1]


def _graded(root, assignment, student, expected):
    """True when nbgrader wrote every autograded notebook of the student (it saves grades first).

    expected: the notebooks the student submitted (nbgrader writes nothing for a missing one)
    """
    folder = Path(root) / "autograded" / student / assignment
    return all((folder / name).is_file() for name in expected)


def _grade_alone(root, assignment, student, expected, db_url, timeout, memory, threads):
    """Grade one student in a process of its own; the fallback when a shared run went wrong."""
    start = time.monotonic()
    code, err = _nbgrader(root, ["autograde", assignment, "--student", student, "--force",
                                 f"--CourseDirectory.db_url={db_url}"], timeout, memory, threads)
    seconds = time.monotonic() - start
    log = Path(root) / "logs" / f"autograde-{assignment}-{student}.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text(err)
    if code is None:
        return Outcome(student, "timeout", seconds,
                       f"grading took longer than {timeout} s and was stopped (log: {log})")
    if code != 0 or not _graded(root, assignment, student, expected):
        last = [l for l in err.splitlines() if "ERROR" in l or "Error" in l][-1:] or ["see log"]
        return Outcome(student, "failed", seconds, f"{last[0][:200]} (log: {log})")
    return Outcome(student, "graded", seconds, "")


def _grade_shard(root, assignment, shard, everyone, present, db_url, timeout, memory, threads):
    """Grade several students in one nbgrader run (no start-up per student), then check each.

    present: student -> the notebooks they submitted. Students the run did not finish (an
    error, the run killed) are graded again one by one.
    """
    others = ",".join(sorted(set(everyone) - set(shard)))
    start = time.monotonic()
    code, err = _nbgrader(root, ["autograde", assignment, "--force",
                                 f"--CourseDirectory.student_id_exclude={others}",
                                 f"--CourseDirectory.db_url={db_url}"],
                          timeout * len(shard), memory, threads)
    each = (time.monotonic() - start) / len(shard)
    log = Path(root) / "logs" / f"autograde-{assignment}-{shard[0]}-and-{len(shard) - 1}.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text(err)
    outcomes = []
    for student in shard:
        failed = f"/submitted/{student}/{assignment}" in "".join(
            l for l in err.splitlines() if "error processing assignment" in l)
        if code is not None and not failed and _graded(root, assignment, student, present[student]):
            outcomes.append(Outcome(student, "graded", each, ""))
        else:
            outcomes.append(_grade_alone(root, assignment, student, present[student], db_url,
                                         timeout, memory, threads))
    return outcomes


def autograde_class(root, assignment, students=None, jobs=2, db_url=None, timeout=1800,
                    memory_gb=8, threads=None):
    """Autograde every (or the given) student's submission of `assignment` in course `root`.

    The students are split into `jobs` shards, each graded by one nbgrader process; the
    shards run side by side on one gradebook.

    Inputs:
    - root: course directory (nbgrader_config.py, solutions/, submitted/)
    - students: ids to grade, default every folder in submitted/ holding this assignment
    - jobs: graders running at once
    - db_url: gradebook URL; default the course's SQLite gradebook, prepared for concurrency
    - timeout: seconds one student's grading may take in all (cells have their own limit)
    - memory_gb: address-space limit of each grader and its kernel, or None
    - threads: BLAS threads per grader (default: cores // jobs)

    Returns a list of Outcome(student, status, seconds, detail), status one of "graded",
    "partial" (graded, but some notebooks were missing: they score 0; detail names them),
    "not graded" (no notebook of the assignment, or an invalid one), "failed", "timeout";
    seconds is a shard's average.
    """
    root = Path(root).resolve()
    expected = sorted(p.name for p in (root / "solutions" / assignment).glob("*.ipynb"))
    if not expected:
        raise FileNotFoundError(f"no source notebooks in {root / 'solutions' / assignment}")
    everyone = sorted(p.parent.name for p in (root / "submitted").glob(f"*/{assignment}")
                      if p.is_dir())
    students = everyone if students is None else list(students)
    db_url = db_url or prepare_sqlite(root / "gradebook.db")
    threads = threads or max(1, (os.cpu_count() or 1) // max(1, jobs))
    memory = int(memory_gb * 2**30) if memory_gb else None

    outcomes, todo, present, missing = {}, [], {}, {}
    for student in students:
        folder = root / "submitted" / student / assignment
        problems = check_submission(folder, expected)
        present[student] = [name for name in expected if (folder / name).is_file()]
        absent = [f"{name} is missing" for name in expected if name not in present[student]]
        # by name, not by wording: an invalid notebook's parser error may say anything
        missing[student] = [p for p in problems if any(p.startswith(a) for a in absent)]
        # grade what is there, unless nothing is or a notebook is broken
        if not present[student] or len(missing[student]) < len(problems):
            outcomes[student] = Outcome(student, "not graded", 0.0, "; ".join(problems))
        else:
            todo.append(student)
            # a stale result must not pass for this run's
            shutil.rmtree(root / "autograded" / student / assignment, ignore_errors=True)
    shards = [todo[i::jobs] for i in range(max(1, jobs)) if todo[i::jobs]]
    with ThreadPoolExecutor(max_workers=max(1, len(shards))) as pool:
        for result in pool.map(lambda shard: _grade_shard(
                root, assignment, shard, everyone, present, db_url, timeout, memory, threads),
                shards):
            for out in result:
                if out.status == "graded" and missing[out.student]:
                    out = out._replace(status="partial", detail="; ".join(
                        f"{m} (scored 0)" for m in missing[out.student]))
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
        note = "; ".join(n for n in (o.detail, f"lost points in {lost}" if lost else "") if n)
        lines.append(f"  {o.student:40s} {o.status:10s} {score:>11s} {o.seconds:6.1f}s  {note}")
    return "\n".join(lines)

