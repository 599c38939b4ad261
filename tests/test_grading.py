"""Real nbgrader round trips: release, autograde example submissions, feedback.

One temporary course directory per assignment; all example students of an assignment are graded
by a single `nbgrader autograde` run (the session fixture), and the tests read the gradebook.
"""
import html
import re
import shutil
from pathlib import Path

import pytest

from tools import course
from tools import notebooks as nbt

pytestmark = pytest.mark.nbgrader

NAMES = course.assignment_names()
VARIANTS = [(name, v) for name in NAMES for v in course.load_variants(name)]


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """{name: (course_root, scores, autograde process)} for every assignment."""
    return course.grade_examples(NAMES, tmp_path_factory.mktemp("grading"))


@pytest.fixture(scope="session")
def feedback(graded):
    """{name: {student: feedback text}}: nbgrader generate_feedback, HTML tags stripped."""
    out = {}
    for name, (root, _, _) in graded.items():
        course.run_nbgrader(["generate_feedback", name, "--force"], root)
        out[name] = {
            p.parts[-3]: _text(p.read_text()) for p in (root / "feedback").glob(f"*/{name}/*.html")
        }
    return out


def _text(page):
    """Visible text of an HTML page (syntax highlighting splits code into many tags)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _source_notebooks(name):
    return sorted((course.REPO / "solutions" / name).glob("*.ipynb"))


def _secret_lines(name, kind):
    """Distinctive lines only the solution or hidden-test regions of `name` hold."""
    return nbt.secret_lines(_source_notebooks(name), kind)


@pytest.mark.parametrize("name", NAMES)
def test_release_matches_committed(graded, name):
    """assignments/ is exactly what nbgrader generates from solutions/ (never hand-edited)."""
    root = graded[name][0]
    fresh = {p.relative_to(root / "assignments"): p.read_bytes()
             for p in (root / "assignments" / name).rglob("*") if p.is_file()}
    committed = {p.relative_to(course.REPO / "assignments"): p.read_bytes()
                 for p in (course.REPO / "assignments" / name).rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(committed), "run `python -m tools.course generate`"
    for rel, data in fresh.items():
        assert data == committed[rel], f"{rel} differs: run `python -m tools.course generate`"


@pytest.mark.parametrize("name", NAMES)
def test_release_leaks_nothing(name):
    """Student notebooks hold stubs: no solution code, hidden tests, markers or outputs."""
    solution_lines = _secret_lines(name, "SOLUTION")
    hidden_lines = _secret_lines(name, "HIDDEN TESTS")
    assert solution_lines and hidden_lines, "the detector needs lines to look for"
    released = sorted((course.REPO / "assignments" / name).glob("*.ipynb"))
    assert [p.name for p in released] == [p.name for p in _source_notebooks(name)]
    for path in released:
        text = path.read_text()
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS"):
            assert marker not in text, f"{path.name} contains {marker!r}"
        for line in solution_lines | hidden_lines:
            assert line not in text, f"{path.name} leaks: {line!r}"
        nb = nbt.read(path)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs"
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code":
                # the stub names the function to write
                assert re.search(r'raise NotImplementedError\("\w+ is not implemented yet',
                                 cell.source), meta["grade_id"]


@pytest.mark.parametrize("name", NAMES)
def test_autograde_run_succeeds(graded, name):
    root, scores, proc = graded[name]
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = {"solution", "blank"} | {v.student for n, v in VARIANTS if n == name}
    assert set(scores) == expected, "every submission must be graded"


@pytest.mark.parametrize("name", NAMES)
def test_solution_scores_full_points(graded, name):
    scores = graded[name][1]["solution"]
    assert scores, "no graded test cells"
    lost = {g: s for g, s in scores.items() if s[0] != s[1]}
    assert not lost, f"the solution loses points in {lost}"


@pytest.mark.parametrize("name", NAMES)
def test_blank_submission_scores_zero(graded, name):
    scores = graded[name][1]["blank"]
    assert scores and all(s == 0 for s, _ in scores.values()), scores


@pytest.mark.parametrize("name,variant", VARIANTS, ids=[v.student for _, v in VARIANTS])
def test_buggy_submission_loses_exactly_its_points(graded, name, variant):
    """A known mistake in one function costs that function's test and nothing else.

    The example student submits only the notebook the mistake is in, so the test cells of the
    assignment's other notebooks score 0 too (see course.build_examples / expected_losses).
    """
    scores = graded[name][1][variant.student]
    assert set(variant.fails) <= set(scores), f"unknown test cells {variant.fails}"
    lost = course.expected_losses(name, graded[name][1], [variant])[variant.student]
    for grade_id, (score, max_score) in scores.items():
        if grade_id in lost:
            assert score == 0, f"{grade_id} should fail for {variant.mistake!r}"
        else:
            assert score == max_score, f"{grade_id} lost points for a mistake elsewhere"


@pytest.mark.parametrize("name", NAMES)
def test_every_graded_function_has_buggy_submissions(name):
    """At least four mistakes per function, one of them only the hidden tests catch.

    Files with an empty `# fails:` line are correct alternatives (they must score full marks)
    and do not count as mistakes.
    """
    variants = course.load_variants(name)
    for path in _source_notebooks(name):
        for grade_id in nbt.answer_sources(nbt.read(path)):
            mine = [v for v in variants if v.grade_id == grade_id and v.fails]
            assert len(mine) >= 4, f"{grade_id}: {len(mine)} buggy submissions, need 4"
            assert any(v.hidden_only for v in mine), f"{grade_id}: none only hidden tests catch"


@pytest.mark.parametrize("name", NAMES)
def test_feedback_reveals_no_hidden_tests(graded, feedback, name):
    hidden_lines = _secret_lines(name, "HIDDEN TESTS")
    pages = feedback[name]
    assert set(pages) == set(graded[name][1]), "every student gets feedback"
    for student, text in pages.items():
        for line in hidden_lines:
            assert line not in text, f"feedback of {student} shows hidden test line {line!r}"
    # the check can fail: the autograded notebooks it came from do hold those lines
    root = graded[name][0]
    autograded = "\n".join(cell.source for p in (root / "autograded").glob(f"*/{name}/*.ipynb")
                           for cell in nbt.read(p).cells)
    assert any(line in autograded for line in hidden_lines)


def test_parallel_grading_matches_serial(graded, tmp_path):
    """The class grader (two students at a time) gives exactly nbgrader's serial grades.

    On the first assignment's examples (every student of it); the other assignment's grading
    takes the same path, and benchmarks/bench_grading.py compares the two on 40 kNN submissions.
    """
    from tools import grading

    name = NAMES[0]
    serial_root, serial_scores, _ = graded[name]
    root = course.new_course(tmp_path / name, [name])
    course.generate(root, [name])
    shutil.copytree(serial_root / "submitted", root / "submitted")
    outcomes = grading.autograde_class(root, name, jobs=2)
    # an example student submits only the notebook its mistake is in (course.build_examples):
    # where an assignment has several, the class grader grades it and names the missing ones
    notebooks = {p.name for p in (root / "solutions" / name).glob("*.ipynb")}
    for o in outcomes:
        submitted = {p.name for p in (root / "submitted" / o.student / name).glob("*.ipynb")}
        if submitted == notebooks:
            assert o.status == "graded", o
        else:
            assert o.status == "partial", o
            assert o.detail == "; ".join(f"{n} is missing (scored 0)" for n in sorted(notebooks - submitted)), o
    graded_here = {o.student for o in outcomes if o.status in ("graded", "partial")}
    assert {"solution", "blank"} <= graded_here
    assert course.read_scores(root, name) == {s: serial_scores[s] for s in graded_here}


def test_partial_submission_is_graded_on_what_is_there(graded, tmp_path):
    """A student who hands in some notebooks of a multi-notebook assignment gets their points.

    The missing notebooks score 0 (nbgrader's rule); the report says `partial` and names them.
    """
    from tools import grading

    multi = [n for n in NAMES if len(_source_notebooks(n)) > 1]
    if not multi:
        pytest.skip("no assignment with several notebooks selected")
    name = multi[0]
    serial_root, serial_scores, _ = graded[name]
    notebooks = {p.name for p in _source_notebooks(name)}
    partial = [v.student for v in course.load_variants(name)
               if {p.name for p in (serial_root / "submitted" / v.student / name).glob("*.ipynb")} < notebooks]
    students = ["solution", *partial[:2]]
    root = course.new_course(tmp_path / name, [name])
    course.generate(root, [name])
    for student in students:
        shutil.copytree(serial_root / "submitted" / student, root / "submitted" / student)
    outcomes = {o.student: o for o in grading.autograde_class(root, name, jobs=1)}
    assert outcomes["solution"].status == "graded"
    for student in partial[:2]:
        assert outcomes[student].status == "partial" and "is missing (scored 0)" in outcomes[student].detail
    scores = course.read_scores(root, name)
    assert scores == {s: serial_scores[s] for s in students}
    report = grading.format_report(name, list(outcomes.values()), scores)
    assert re.search(rf"{partial[0]}\s+partial\s+[0-9.]+ / [0-9.]+ .*is missing \(scored 0\)", report), report


def test_postgres_gradebook_shared_by_parallel_graders(graded, postgres_url, tmp_path):
    """The large-course setup (INSTRUCTORS.md): graders side by side on one PostgreSQL gradebook."""
    from tools import grading

    name = NAMES[0]
    serial_root, serial_scores, _ = graded[name]
    root = course.new_course(tmp_path / name, [name])
    course.run_nbgrader(["generate_assignment", name, "--force",
                         f"--CourseDirectory.db_url={postgres_url}"], root)
    notebooks = {p.name for p in (root / "solutions" / name).glob("*.ipynb")}
    complete = [v.student for v in course.load_variants(name)  # see test_parallel_grading_matches_serial
                if {p.name for p in (serial_root / "submitted" / v.student / name).glob("*.ipynb")} == notebooks]
    students = ["solution", "blank"] + complete[:4]
    for student in students:
        shutil.copytree(serial_root / "submitted" / student, root / "submitted" / student)
    outcomes = grading.autograde_class(root, name, jobs=2, db_url=postgres_url)
    assert all(o.status == "graded" for o in outcomes), outcomes
    assert course.read_scores(root, name, postgres_url) == {s: serial_scores[s] for s in students}
