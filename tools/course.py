"""Instructor commands: regenerate student notebooks, grade example submissions.

    python -m tools.course generate [NAME ...]      # solutions/ -> assignments/ (nbgrader)
    python -m tools.course grade-examples [NAME ...] [--workdir DIR | --keep]
                                                     # autograde the bundled examples, check scores
    python -m tools.course bundle OUT --assignment NAME [--zip] [--force]
                                                     # what students receive for NAME, one
                                                     # assignment at a time (or --all)
    python -m tools.course autograde NAME [--jobs 2] [--student ID ...] [--root DIR]
                                                     # grade a class in parallel, report per student

The examples are built from the source notebooks the way students would produce them: the
released notebook with every answer cell filled in ("solution"), left untouched ("blank"),
or filled in with one buggy answer from tests/submissions/<assignment>/ (one student each).
Each assignment is graded in its own temporary course directory with the repository's
nbgrader_config.py, so assignments can be graded side by side without sharing a gradebook.
grade-examples checks that every example student lost exactly the expected test cells (none,
all, or those of `Variant.fails`), exits 1 when one did not, and removes its temporary course
directories unless --workdir or --keep is given.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools import notebooks as nbt

__all__ = [
    "REPO", "RELEASE_ORDER", "assignment_names", "run_nbgrader", "new_course", "generate", "Variant",
    "load_variants", "build_examples", "autograde", "read_scores", "grade_examples", "bundle",
    "expected_losses", "check_examples", "format_table", "graded_cells_by_notebook",
]

REPO = Path(__file__).resolve().parent.parent
SUBMISSIONS = REPO / "tests" / "submissions"
Variant = namedtuple("Variant", "student grade_id mistake source fails hidden_only")


# The order assignments are released in. A later assignment may hand out an earlier one's
# answers in locked cells (the features notebook trains the linear classifier of lecture03_linear),
# so this is also the order of their due dates. Folders not listed come last, by name.
RELEASE_ORDER = ["lecture01_images", "lecture02_knn", "lecture03_linear", "lecture03_features",
                 "lecture04_backprop", "lecture05_cnn"]


def assignment_names(selected=None):
    """Assignment folders under solutions/, in release order (RELEASE_ORDER).

    - selected: comma-separated names to keep (default: $CS231N_ASSIGNMENTS, else all), so a
      test run can be limited to the assignments being worked on
    """
    names = sorted((p.name for p in (REPO / "solutions").iterdir()
                    if p.is_dir() and any(p.glob("*.ipynb"))),
                   key=lambda n: (RELEASE_ORDER.index(n) if n in RELEASE_ORDER else len(RELEASE_ORDER), n))
    selected = selected if selected is not None else os.environ.get("CS231N_ASSIGNMENTS", "")
    keep = [n.strip() for n in selected.split(",") if n.strip()]
    return [n for n in names if n in keep] if keep else names


def run_nbgrader(args, root, check=True):
    """Run `nbgrader ARGS` in course directory `root`; returns the CompletedProcess.

    nbgrader starts `alembic` from PATH, so this interpreter's bin/ goes first on it.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env,
                          capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed in {root}:\n{proc.stderr[-4000:]}")
    return proc


def new_course(root, names):
    """Make a course directory at `root` with the repository's config and these sources."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    # the repository config, loaded from its own place (it imports tools/ next to itself)
    (root / "nbgrader_config.py").write_text(
        f"c = get_config()  # noqa: F821\nload_subconfig({str(REPO / 'nbgrader_config.py')!r})  # noqa: F821\n"
    )
    for name in names:
        shutil.copytree(REPO / "solutions" / name, root / "solutions" / name,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


def generate(root=REPO, names=None):
    """nbgrader generate_assignment for each name (default: all) in course directory `root`."""
    for name in names or assignment_names():
        run_nbgrader(["generate_assignment", name, "--force"], root)


_STUB = re.compile(r"^( *)# YOUR CODE HERE\n\1raise NotImplementedError\(.*\)$", re.M)


def _released_answers(name):
    """grade_id -> source of every answer cell in the committed student notebooks."""
    return {gid: src for p in sorted((REPO / "assignments" / name).glob("*.ipynb"))
            for gid, src in nbt.answer_sources(nbt.read(p)).items()}


def load_variants(name):
    """Buggy submissions of one assignment, from tests/submissions/<name>/*.py.

    A file holds what the student typed in place of the stub (indented lines), spliced into
    the released answer cell, or, when it starts unindented, the whole cell. Optional first
    lines: `# fails: test_a, test_b` and `# caught by hidden tests only`.
    """
    released = _released_answers(name)
    out = []
    for path in sorted((SUBMISSIONS / name).glob("*.py")):
        grade_id, _, mistake = path.stem.partition("__")
        lines = path.read_text().strip("\n").split("\n")
        fails, hidden_only = [f"test_{grade_id}"], False
        while lines and lines[0].startswith(("# fails:", "# caught by")):
            first = lines.pop(0)
            if first.startswith("# fails:"):
                fails = [t.strip() for t in first[len("# fails:"):].split(",") if t.strip()]
            hidden_only = hidden_only or "caught by hidden tests only" in first
        source = "\n".join(lines)
        if source.startswith(" "):  # the student's lines in place of the stub
            if grade_id not in released:
                raise KeyError(f"{path.name}: no answer cell {grade_id!r} in {name}")
            source = _STUB.sub(lambda m: source, released[grade_id], count=1)
        out.append(Variant(path.stem, grade_id, mistake, source, fails, hidden_only))
    return out


def build_examples(root, name, variants=None):
    """Write submitted/<student>/<name>/*.ipynb for the solution, blank and buggy students.

    Needs the assignment released in `root` (generate first). Returns the student ids.
    """
    release = {p.name: nbt.read(p) for p in sorted((Path(root) / "assignments" / name).glob("*.ipynb"))}
    answers = {f: nbt.answer_sources(nbt.read(REPO / "solutions" / name / f)) for f in release}
    students = {"solution": answers, "blank": {f: {} for f in release}}
    for v in load_variants(name) if variants is None else variants:
        where = [f for f in release if v.grade_id in answers[f]]
        if not where:
            raise KeyError(f"{v.student}: no answer cell {v.grade_id!r} in {name}")
        # only the notebook the mistake is in: a student who submits one notebook of several
        # loses the others' points (nbgrader scores a missing notebook 0), and grading the
        # unchanged notebooks again for every buggy student would only cost time
        students[v.student] = {f: dict(answers[f], **{v.grade_id: v.source}) for f in where}
    for student, per_nb in students.items():
        folder = Path(root) / "submitted" / student / name
        folder.mkdir(parents=True, exist_ok=True)
        for fname, sources in per_nb.items():
            nbt.write(nbt.fill_answers(release[fname], sources), folder / fname)
    return list(students)


def autograde(root, name):
    """Autograde every submission of `name` in `root` (one nbgrader run)."""
    return run_nbgrader(["autograde", name, "--force"], root, check=False)


def read_scores(root, name, db_url=None):
    """Autograded scores: {student: {test grade_id: (score, max_score)}} from the gradebook."""
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(db_url or f"sqlite:///{Path(root) / 'gradebook.db'}") as gb:
        for sub in gb.assignment_submissions(name):
            cells = scores.setdefault(sub.student.id, {})
            for nb in sub.notebooks:
                for g in nb.grades:
                    if g.cell_type == "code" and g.auto_score is not None:
                        cells[g.name] = (g.auto_score, g.max_score)
    return scores


# what students receive: notebooks, helpers, data script, environment files, their README
BUNDLE = ["assignments", "cs231n_utils", "datasets/get_datasets.sh", "datasets/README.md",
          "environment.yml", "pyproject.toml", ".gitignore"]


def _bundle_tops():
    return {rel.split("/")[0] for rel in BUNDLE} | {"README.md"}


def bundle(out, names, make_zip=False, force=False):
    """Copy the student bundle of assignments `names` to folder `out` (and `out`.zip).

    Returns the list of files. Assignments are released one at a time: a later notebook may
    hand out an earlier assignment's answers in locked cells, so each bundle holds only the
    student notebooks of `names` (plus the helpers, data script and environment files).
    The student README (docs/STUDENT_README.md) becomes the bundle's README.md. An existing
    `out` is replaced only with `force`, and only when it holds nothing but bundle files.
    """
    known = assignment_names("")
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise ValueError(f"no assignment {', '.join(unknown) or '(none named)'}; "
                         f"choose from {', '.join(known)}")
    out = Path(out)
    if out.exists():
        if not force:
            raise FileExistsError(f"{out} exists; pass --force to replace it, or choose another folder")
        strangers = sorted(p.name for p in out.iterdir() if p.name not in _bundle_tops()) \
            if out.is_dir() else [out.name]
        if strangers or REPO.resolve().is_relative_to(out.resolve()):
            held = ", ".join(strangers[:4]) + (", ..." if len(strangers) > 4 else "")
            raise FileExistsError(
                f"{out} is not a student bundle (it holds {held or 'this repository'}); --force "
                "replaces only an earlier bundle: remove it yourself or choose another folder")
        shutil.rmtree(out)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")
    rels = [r for r in BUNDLE if r != "assignments"] + [f"assignments/{n}" for n in names]
    for rel in rels:
        src, dst = REPO / rel, out / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=skip)
        else:
            shutil.copy2(src, dst)
    shutil.copy2(REPO / "docs" / "STUDENT_README.md", out / "README.md")
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    if make_zip:
        shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return files


def _grade_one(workdir, name):
    root = new_course(Path(workdir) / name, [name])
    generate(root, [name])
    students = build_examples(root, name)
    proc = autograde(root, name)
    return name, root, students, proc


def grade_examples(names=None, workdir=None, jobs=2):
    """Grade the bundled examples of each assignment, assignments side by side.

    Returns {name: (course_root, scores, autograde CompletedProcess)}.
    """
    names = names or assignment_names()
    workdir = Path(workdir or tempfile.mkdtemp(prefix="cs231n-grading-"))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda n: _grade_one(workdir, n), names))
    return {name: (root, read_scores(root, name), proc) for name, root, _, proc in results}


def expected_losses(name, scores, variants=None):
    """{student: set of test grade_ids it should lose points in} for the examples of `name`.

    The solution loses none, the untouched notebook every autograded test cell (those seen in
    `scores`), each buggy student the cells its file names (`Variant.fails`).
    """
    every = {cell for cells in scores.values() for cell in cells}
    expected = {"solution": set(), "blank": every}
    notebooks = graded_cells_by_notebook(name).values()
    for v in load_variants(name) if variants is None else variants:
        # the test cells of the notebooks this student did not submit (see build_examples)
        elsewhere = {t for answers, tests in notebooks if v.grade_id not in answers for t in tests}
        expected[v.student] = set(v.fails) | (elsewhere & every)
    return expected


def graded_cells_by_notebook(name):
    """{notebook file: (answer grade_ids, autograded test grade_ids)} of an assignment's sources."""
    out = {}
    for path in sorted((REPO / "solutions" / name).glob("*.ipynb")):
        cells = nbt.graded_cells(nbt.read(path))
        out[path.name] = ({g for g, kind, _ in cells if kind == "answer"},
                          {g for g, kind, _ in cells if kind == "test"})
    return out


def _lost(cells):
    return {g for g, (s, m) in cells.items() if s < m}


def check_examples(name, scores, variants=None):
    """[(student, expected, got)] for every example student whose lost test cells differ.

    `got` is None for a student missing from the gradebook (not graded at all).
    """
    out = []
    for student, expected in expected_losses(name, scores, variants).items():
        got = _lost(scores[student]) if student in scores else None
        if got != expected:
            out.append((student, expected, got))
    return out


def _cells(names, every=()):
    names = set(names)
    if len(names) > 1 and names == set(every):
        return "all test cells"
    return ", ".join(sorted(names)) or "-"


def format_table(name, scores, expected=None):
    """Plain-text score table of one assignment, one student a line.

    With `expected` ({student: set of test cells}, see `expected_losses`) each line also shows
    `ok` or `DIFFERS` and the test cells the student was expected to lose points in.
    """
    expected = expected or {}
    every = {cell for cells in scores.values() for cell in cells}
    check = f"{'check':8s}" if expected else ""
    lines = [f"{name}", f"  {'student':58s} {'score':>11s}  {check}{'lost points in':40s}"
             + (" expected to lose" if expected else "")]
    for student in sorted(set(scores) | set(expected),
                          key=lambda s: (s not in ("solution", "blank"), s)):
        cells = scores.get(student)
        lost = None if cells is None else _lost(cells)
        score = "not graded" if cells is None else (
            f"{sum(s for s, _ in cells.values()):5g} / {sum(m for _, m in cells.values()):<4g}")
        got = "-" if lost is None else _cells(lost, every)
        if student in expected:
            verdict = "ok" if lost == expected[student] else "DIFFERS"
            line = (f"  {student:58s} {score:>11s}  {verdict:8s}{got:40s} "
                    f"{_cells(expected[student], every)}")
        else:
            line = f"  {student:58s} {score:>11s}  {got}"
        lines.append(line.rstrip())
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tools.course", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("generate", help="regenerate assignments/ from solutions/")
    p.add_argument("names", nargs="*")
    p = sub.add_parser("grade-examples", help="autograde the bundled example submissions")
    p.add_argument("names", nargs="*")
    p.add_argument("--workdir", help="course directories go here and stay (default: a new "
                   "temporary folder, removed at the end)")
    p.add_argument("--keep", action="store_true", help="keep the temporary course directories")
    p = sub.add_parser("bundle", help="write the student bundle to a new folder")
    p.add_argument("out")
    p.add_argument("--zip", action="store_true", help="also write OUT.zip")
    p.add_argument("--force", action="store_true", help="replace an earlier bundle in OUT")
    p.add_argument("--assignment", action="append", default=[], metavar="NAME",
                   help="the assignment to release (repeat for several); one at a time keeps "
                        "later notebooks' locked cells from revealing earlier answers")
    p.add_argument("--all", action="store_true",
                   help="every assignment at once (self-study, after the term)")
    p = sub.add_parser("autograde", help="autograde a class, several students at once")
    p.add_argument("name")
    p.add_argument("--root", default=str(REPO), help="course directory (default: this repo)")
    p.add_argument("--student", action="append", help="grade only these students")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--db-url", help="gradebook URL (default: the course's SQLite gradebook)")
    p.add_argument("--timeout", type=int, default=1800, help="seconds per student in all")
    p.add_argument("--memory-gb", type=float, default=8, help="memory limit per grader")
    args = parser.parse_args(argv)
    if args.command == "bundle":
        names = assignment_names("") if args.all else args.assignment
        if not names:
            print("error: name the assignment to release, e.g. --assignment "
                  f"{assignment_names('')[0]} (or --all after the term)", file=sys.stderr)
            return 2
        try:
            files = bundle(args.out, names, args.zip, args.force)
        except (FileExistsError, ValueError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        print(f"student bundle: {len(files)} files in {args.out}" + (" (+ .zip)" if args.zip else ""))
        return 0
    if args.command == "autograde":
        from tools import grading

        outcomes = grading.autograde_class(args.root, args.name, args.student, args.jobs,
                                           args.db_url, args.timeout, args.memory_gb)
        url = args.db_url or grading.prepare_sqlite(Path(args.root) / "gradebook.db")
        print(grading.format_report(args.name, outcomes, read_scores(args.root, args.name, url)))
        return 0 if all(o.status == "graded" for o in outcomes) else 1
    if args.command == "generate":
        generate(REPO, args.names)
        print("assignments/ regenerated:", ", ".join(args.names or assignment_names()))
        return 0
    return _grade_examples_command(args.names, args.workdir, args.keep)


def _grade_examples_command(names, workdir=None, keep=False):
    """grade-examples: grade, print a table per assignment, check expected against got."""
    names = names or assignment_names()
    temporary = workdir is None
    workdir = Path(workdir or tempfile.mkdtemp(prefix="cs231n-grading-"))
    print(f"Autograding the example submissions of {', '.join(names)} (a few minutes)...",
          flush=True)
    try:
        results = grade_examples(names, workdir)
        status, differ, count = 0, [], 0
        for name, (root, scores, proc) in results.items():
            expected = expected_losses(name, scores)
            count += len(expected)
            print(format_table(name, scores, expected))
            differ += [(name, *d) for d in check_examples(name, scores)]
            if proc.returncode != 0:
                status = 1
                print(f"  nbgrader autograde exited {proc.returncode}:")
                print("    " + "\n    ".join(proc.stderr.strip().splitlines()[-5:]))
            print()
        if differ:
            status = 1
            print(f"error: {len(differ)} of {count} example students did not lose exactly the "
                  "expected test cells:", file=sys.stderr)
            for name, student, want, got in differ:
                print(f"  {name}/{student}: expected {_cells(want)}, got "
                      f"{'not graded' if got is None else _cells(got)}", file=sys.stderr)
            print("Fix the test cells or the example file in tests/submissions/ (its "
                  "`# fails:` line).", file=sys.stderr)
        else:
            print(f"All {count} example students lost exactly the expected test cells.")
    finally:
        if temporary and not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if not temporary or keep:
        print(f"Course directories kept in {workdir}")
    return status

if __name__ == "__main__":
    sys.exit(main())
