"""Faulty and tampered submissions, graded by the class grader (`tools.grading`) with nbgrader.

Every submission below is built from the first assignment's released notebook; all of them are
graded in one run of `autograde_class` with two graders side by side. A per-cell timeout of
20 s (instead of 60 s) keeps the runaway cases short; everything else is the course's config.
"""
import json

import pytest

from tools import course, grading
from tools import notebooks as nbt

pytestmark = pytest.mark.nbgrader

NAME = course.assignment_names()[0]
NOTEBOOK = sorted(p.name for p in (course.REPO / "solutions" / NAME).glob("*.ipynb"))[0]
SOLUTION = nbt.answer_sources(nbt.read(course.REPO / "solutions" / NAME / NOTEBOOK))
TARGET = next(iter(SOLUTION))  # the first graded function
TEST = f"test_{TARGET}"  # its first test cell; TESTS are all of them (test_<fn>__<behaviour>)
TESTS = [g for g, kind, _ in nbt.graded_cells(nbt.read(course.REPO / "solutions" / NAME / NOTEBOOK))
         if kind == "test" and (g == TEST or g.startswith(TEST + "__"))]
BUG = next(v.source for v in course.load_variants(NAME) if sorted(v.fails) == sorted(TESTS))


def _ids(nb):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


def _edit_test(nb):
    cell = nbt.cell_by_id(nb, TEST)
    cell.source = "pass"
    cell.metadata.nbgrader["points"] = 100


def _delete_test(nb):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != TEST]


def _answer_to_markdown(nb):
    cell = nbt.cell_by_id(nb, TARGET)
    cell.cell_type = "markdown"
    del cell["outputs"], cell["execution_count"]


def _move_test_to_top(nb):
    cell = nb.cells.pop(_ids(nb).index(TEST))
    nb.cells.insert(1, cell)


def _free_cell(source):
    def edit(nb):
        nb.cells.insert(_ids(nb).index("setup") + 1, nbt.code(source))
    return edit


LOOP = f"def {TARGET}(*args, **kwargs):\n    while True:\n        pass\n"
SWALLOW = (f"import time\ndef {TARGET}(*args, **kwargs):\n    while True:\n        try:\n"
           f"            time.sleep(0.05)\n        except BaseException:\n            pass\n")
WARNS = (SOLUTION[TARGET] + f"\n\nimport warnings\nwarnings.simplefilter('always')\n"
         f"_{TARGET} = {TARGET}\ndef {TARGET}(*args, **kwargs):\n"
         f"    np.log(np.zeros(1))  # RuntimeWarning: divide by zero, printed to stderr\n"
         f"    return _{TARGET}(*args, **kwargs)\n")
PATCH_NUMPY = BUG + ("\n\nnp.allclose = lambda *a, **k: True\n"
                     "np.testing.assert_allclose = lambda *a, **k: None\n")
REBIND = BUG + ("\n\nassert_close = assert_equal = assert_shape = lambda *a, **k: None\n"
                "check_integrity = lambda *a, **k: None\n")
PATCH_MODULE = BUG + ("\n\nimport cs231n_utils.testing as _t\n"
                      "_t.assert_close = _t.assert_equal = _t.assert_shape = lambda *a, **k: None\n"
                      "_t.check_integrity = lambda *a, **k: None\n")

# student: (answer sources to replace, notebook edit, expected)
# expected: "full", "target" (only the TESTS fail), "target-tampered" (they fail and the
# tampering is reported in TEST), or a "not graded" message fragment
CASES = {
    "solution": ({}, None, "full"),
    "edited_test_cell": ({TARGET: BUG}, _edit_test, "target"),
    "deleted_test_cell": ({TARGET: BUG}, _delete_test, "target"),
    "answer_cell_as_markdown": ({}, _answer_to_markdown, "full"),
    "test_cell_moved_up": ({}, _move_test_to_top, "full"),
    "infinite_loop": ({TARGET: LOOP}, None, "target"),
    "loop_swallows_interrupt": ({TARGET: SWALLOW}, None, "target"),
    "warnings_on_stderr": ({TARGET: WARNS}, None, "full"),
    "patched_numpy": ({TARGET: PATCH_NUMPY}, None, "target-tampered"),
    "rebound_helpers": ({TARGET: REBIND}, None, "target-tampered"),
    "patched_cs231n_utils": ({TARGET: PATCH_MODULE}, None, "target-tampered"),
    # harmless habits: globals named like builtins, a star import; they must cost nothing
    "scratch_globals_named_like_builtins": ({}, _free_cell(
        "from builtins import range\nsum = 0\nmax = min = 3\nabs = all = any = round = None\n"
        "list = [1, 2]\ndict = set = sorted = type = id = input = map = filter = 'scratch'"), "full"),
    "numpy_star_import": ({}, _free_cell("from numpy import *"), "full"),
    "huge_output": ({}, _free_cell("for i in range(3_000_000):\n    print(i)"), "full"),
    "allocation_beyond_memory": ({}, _free_cell(
        "big = np.ones((10**6, 10**6))  # 8 TB"), "full"),
    "allocation_beyond_limit": ({}, _free_cell(
        "hog = [np.empty(2**30) for _ in range(64)]  # 512 GB of address space"), "full"),
}
BROKEN = {
    "invalid_json": ("{not json", NOTEBOOK, "is not a valid notebook"),
    "missing_notebook": (None, None, f"{NOTEBOOK} is missing"),
    "misnamed_notebook": ("valid", NOTEBOOK.replace(".ipynb", " (1).ipynb"), "rename it"),
}


@pytest.fixture(scope="module")
def tampered(tmp_path_factory):
    """(outcomes by student, scores by student, autograded notebooks by student)."""
    root = course.new_course(tmp_path_factory.mktemp("tampering") / "course", [NAME])
    with open(root / "nbgrader_config.py", "a") as f:
        f.write("c.Execute.timeout = 20\n")
    course.generate(root, [NAME])
    release = nbt.read(root / "assignments" / NAME / NOTEBOOK)
    for student, (answers, edit, _) in CASES.items():
        nb = nbt.fill_answers(release, dict(SOLUTION, **answers))
        if edit:
            edit(nb)
        folder = root / "submitted" / student / NAME
        folder.mkdir(parents=True)
        nbt.write(nb, folder / NOTEBOOK)
    for student, (content, fname, _) in BROKEN.items():
        folder = root / "submitted" / student / NAME
        folder.mkdir(parents=True)
        if content == "valid":
            nbt.write(nbt.fill_answers(release, SOLUTION), folder / fname)
        elif content is not None:
            (folder / fname).write_text(content)
    outcomes = {o.student: o for o in grading.autograde_class(root, NAME, jobs=2)}
    scores = course.read_scores(root, NAME)
    graded = {s: nbt.read(p) for s in CASES
              if (p := root / "autograded" / s / NAME / NOTEBOOK).exists()}
    return outcomes, scores, graded


@pytest.mark.parametrize("student", CASES)
def test_tampered_submission_graded_as_expected(tampered, student):
    outcomes, scores, graded = tampered
    assert outcomes[student].status == "graded", outcomes[student]
    expected = CASES[student][2]
    reference = scores["solution"]
    got = scores[student]
    assert set(got) == set(reference), "every test cell is graded, deleted ones included"
    for grade_id, (score, max_score) in got.items():
        assert max_score == reference[grade_id][1], f"{grade_id}: points were changed"
        if expected != "full" and grade_id in TESTS:
            assert score == 0, f"{grade_id} should fail"
        elif expected in ("full", "target"):
            assert score == max_score, f"{grade_id} lost points"
    if expected == "target-tampered":
        outputs = json.dumps(nbt.cell_by_id(graded[student], TEST).outputs)
        assert "cannot be trusted" in outputs


def test_solution_scores_full_points_under_class_grader(tampered):
    _, scores, _ = tampered
    assert all(s == m for s, m in scores["solution"].values())


def test_deleted_test_cell_is_restored_and_autograded(tampered):
    _, _, graded = tampered
    cell = nbt.cell_by_id(graded["deleted_test_cell"], TEST)
    assert cell.cell_type == "code" and cell.outputs, "the restored test ran"


def test_huge_output_is_truncated(tampered):
    _, _, graded = tampered
    text = json.dumps(graded["huge_output"].cells[_ids(graded["huge_output"]).index("setup") + 1])
    assert len(text) < 1_000_000, "nbgrader's LimitOutput keeps the graded notebook small"


@pytest.mark.parametrize("student", BROKEN)
def test_broken_submission_reported_clearly(tampered, student):
    outcomes, scores, _ = tampered
    assert outcomes[student].status == "not graded"
    assert BROKEN[student][2] in outcomes[student].detail
    assert student not in scores
