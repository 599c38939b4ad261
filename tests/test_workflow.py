"""The instructor workflow of INSTRUCTORS.md, end to end, with real nbgrader commands.

release -> student fetch/submit -> collect, plus zip_collect of an LMS download -> autograde
(class grader) -> manual grades for the inline questions through the formgrader's API -> feedback,
released to the exchange and fetched by the student -> grades exported to CSV.
"""
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

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


@pytest.fixture(scope="module")
def formgrader(workflow):
    """nbgrader's formgrader in a Jupyter server on 127.0.0.1: yields a JSON API caller."""
    root = workflow[0]
    with socket.socket() as sock:  # a free port on the loopback address
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    token = secrets.token_hex(16)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    server = subprocess.Popen(
        # nbgrader's install enables the formgrader extension; root may run it in CI
        [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def api(method, path, body=None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/formgrader/api/{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    try:
        for _ in range(120):  # up to a minute for the server to start
            try:
                assert api("GET", "status") == {"status": True}
                break
            except urllib.error.HTTPError:
                raise
            except OSError:  # not listening yet
                time.sleep(0.5)
        else:
            pytest.fail("the formgrader did not start")
        yield api
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_manual_grades_feedback_and_export(workflow, formgrader):
    root, exchange, home, student, _ = workflow
    # grade the inline questions the way the formgrader page does, through its API
    stem = NOTEBOOK.removesuffix(".ipynb")
    sub = next(n for n in formgrader("GET", f"submitted_notebooks/{NAME}/{stem}")
               if n["student"] == student)
    grades = formgrader("GET", f"grades?submission_id={sub['id']}")
    manual = [g for g in grades if g["needs_manual_grade"]]
    assert manual, "inline questions wait for manual grading"
    for g in manual:
        done = formgrader("PUT", f"grade/{g['id']}", {"manual_score": g["max_score"]})
        assert not done["needs_manual_grade"]
    for c in formgrader("GET", f"comments?submission_id={sub['id']}"):
        formgrader("PUT", f"comment/{c['id']}", {"manual_comment": "Clear answer."})
    total = sum(g["max_score"] for g in grades)

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
