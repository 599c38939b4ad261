"""The instructor workflow of INSTRUCTORS.md, end to end, with real nbgrader commands.

release -> student fetch/submit -> collect, plus zip_collect of an LMS download -> autograde
(class grader) -> manual grades for the inline questions (what formgrader stores) -> feedback,
released to the exchange and fetched by the student -> grades exported to CSV.
"""
import csv
import subprocess
import sys
import zipfile

import nbformat
import pytest

from tools import course, grading
from tools import notebooks as nbt

pytestmark = pytest.mark.nbgrader

NAME = course.assignment_names()[0]
NOTEBOOK = sorted(p.name for p in (course.REPO / "solutions" / NAME).glob("*.ipynb"))[0]
COURSE_ID = "cs231n-kit"


def nbgrader(args, cwd, exchange):
    return course.run_nbgrader([*args, f"--Exchange.root={exchange}"], cwd)


@pytest.fixture(scope="module")
def workflow(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workflow")
    exchange, home = tmp / "exchange", tmp / "student"
    exchange.mkdir()
    home.mkdir()
    root = course.new_course(tmp / "course", [NAME])
    course.generate(root, [NAME])
    nbgrader(["release_assignment", NAME], root, exchange)

    # a student fetches, works (the reference answers) and submits through the exchange
    nbgrader(["fetch_assignment", NAME, "--course", COURSE_ID], home, exchange)
    solution = nbt.answer_sources(nbt.read(course.REPO / "solutions" / NAME / NOTEBOOK))
    mine = home / NAME / NOTEBOOK
    nb = nbt.fill_answers(nbt.read(mine), solution)
    for grade_id, kind, _ in nbt.graded_cells(nb):
        if kind == "manual":
            nbt.cell_by_id(nb, grade_id).source = "Pixel distances ignore what the image shows."
    nbt.write(nb, mine)
    nbgrader(["submit", NAME, "--course", COURSE_ID], home, exchange)
    nbgrader(["collect", NAME], root, exchange)
    exchange_student = next(p.name for p in (root / "submitted").iterdir())

    # two more students arrive as an LMS download (Canvas file names, one late resubmission)
    release = nbt.read(root / "assignments" / NAME / NOTEBOOK)
    stem = NOTEBOOK.removesuffix(".ipynb")
    archive = root / "downloaded" / NAME / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as z:
        z.writestr(f"bob_1234_5678_{stem}.ipynb", nbformat.writes(release))
        z.writestr(f"carol_LATE_1234_5679_{stem}-1.ipynb",
                   nbformat.writes(nbt.fill_answers(release, solution)))
    course.run_nbgrader(["zip_collect", NAME], root)

    outcomes = grading.autograde_class(root, NAME, jobs=2)
    return root, exchange, home, exchange_student, outcomes


def test_all_submissions_collected_and_graded(workflow):
    root, _, _, student, outcomes = workflow
    assert {o.student: o.status for o in outcomes} == {
        student: "graded", "bob": "graded", "carol": "graded"}
    scores = course.read_scores(root, NAME)
    assert all(s == m for s, m in scores[student].values())
    assert all(s == m for s, m in scores["carol"].values())
    assert all(s == 0 for s, _ in scores["bob"].values())


def test_manual_grades_feedback_and_export(workflow):
    from nbgrader.api import Gradebook

    root, exchange, home, student, _ = workflow
    # formgrader stores a manual score and a comment per inline question; do the same
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        sub = gb.find_submission_notebook(NOTEBOOK.removesuffix(".ipynb"), NAME, student)
        manual = [g for g in sub.grades if g.needs_manual_grade]
        assert manual, "inline questions wait for manual grading"
        for g in manual:
            g.manual_score = g.max_score
        for c in sub.comments:
            c.manual_comment = "Clear answer."
        gb.db.commit()
        total = sum(g.max_score for g in sub.grades)

    course.run_nbgrader(["generate_feedback", NAME], root)
    page = root / "feedback" / student / NAME / NOTEBOOK.replace(".ipynb", ".html")
    assert "Clear answer." in page.read_text()
    nbgrader(["release_feedback", NAME, "--student", student], root, exchange)
    nbgrader(["fetch_feedback", NAME, "--course", COURSE_ID], home, exchange)
    assert list((home / NAME / "feedback").glob(f"*/{page.name}")), "the student got feedback"

    course.run_nbgrader(["export", "--to", str(root / "grades.csv")], root)
    rows = {r["student_id"]: r for r in csv.DictReader(open(root / "grades.csv"))}
    assert set(rows) == {student, "bob", "carol"}
    assert float(rows[student]["score"]) == pytest.approx(total)
    assert float(rows["bob"]["score"]) == 0


def test_course_cli_reports_and_exits_nonzero_for_ungraded(workflow, tmp_path):
    """`python -m tools.course autograde` prints the per-student report; exit 1 if one is lost."""
    root = workflow[0]
    bad = root / "submitted" / "dave" / NAME
    bad.mkdir(parents=True)
    (bad / NOTEBOOK).write_text("{not json")
    proc = subprocess.run([sys.executable, "-m", "tools.course", "autograde", NAME, "--root",
                           str(root), "--student", "dave", "--student", "bob"],
                          cwd=course.REPO, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "dave" in proc.stdout and "not a valid notebook" in proc.stdout
    assert "bob" in proc.stdout and "graded" in proc.stdout
