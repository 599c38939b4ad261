"""Every source notebook follows the kit's rhythm and nbgrader's rules (docs/AUTHORING.md)."""
import ast
import builtins
import re

import pytest

from tools import course
from cs231n_utils.testing import TEST_BUILTINS
from tools import notebooks as nbt

PATHS = sorted((course.REPO / "solutions").glob("*/*.ipynb"))
IDS = [f"{p.parent.name}/{p.name}" for p in PATHS]


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


@pytest.fixture(params=PATHS, ids=IDS)
def nb(request):
    return nbt.read(request.param)


def test_cells_carry_schema_3_metadata_and_no_outputs(nb):
    for cell in nb.cells:
        if _meta(cell):
            assert _meta(cell)["schema_version"] == 3
            assert re.fullmatch(r"[a-z0-9_]+", _meta(cell)["grade_id"]), _meta(cell)["grade_id"]
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "clear the outputs"
    ids = [_meta(c)["grade_id"] for c in nb.cells if _meta(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"


def test_title_and_setup(nb):
    title, setup = nb.cells[0], nbt.cell_by_id(nb, "setup")
    assert title.cell_type == "markdown" and title.source.startswith("# Lecture")
    assert _meta(setup)["locked"] and setup.cell_type == "code"
    assert "SEED = 231" in setup.source and "check_integrity" in setup.source
    assert "autoreload" not in setup.source
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells[0] is setup, "the setup cell is the first code cell"


def test_points_add_up(nb):
    """The title's total and every `## Part k: ... (p points)` heading match the cells' points."""
    total = sum(p for _, kind, p in nbt.graded_cells(nb) if kind != "answer")
    match = re.search(r"\*\*Total: (\d+) points\*\*", nb.cells[0].source)
    assert match and int(match.group(1)) == total, f"title should say Total: {total} points"
    parts, current = {}, None
    for cell in nb.cells:
        heading = re.match(r"## Part (\d+): .*\((\d+) points?\)", cell.source)
        if cell.cell_type == "markdown" and heading:
            current = heading.group(1)
            parts[current] = [int(heading.group(2)), 0]
        elif _meta(cell).get("grade") and current:
            parts[current][1] += _meta(cell)["points"]
    assert parts, "no '## Part k: name (p points)' headings"
    for part, (stated, counted) in parts.items():
        assert stated == counted, f"Part {part} says {stated} points, its cells give {counted}"


def _is_test(cell):
    return cell.cell_type == "code" and _meta(cell).get("grade") and not _meta(cell).get("solution")


def _tests_of(nb, grade_id):
    """Test cells of one function: `test_<grade_id>` and `test_<grade_id>__<behaviour>`."""
    return [c for c in nb.cells if _is_test(c) and re.fullmatch(
        rf"test_{grade_id}(__[a-z0-9_]+)?", _meta(c)["grade_id"])]


def test_each_graded_function_has_its_tests(nb):
    answers = nbt.answer_sources(nb)
    assert answers
    keyed = [c for c in nb.cells if _meta(c)]
    owned = []
    for grade_id in answers:
        cell = nbt.cell_by_id(nb, grade_id)
        before, _, rest = cell.source.partition("### BEGIN SOLUTION")
        _, _, after = rest.partition("### END SOLUTION")
        assert re.search(rf"^def {grade_id}\(", before, re.M), "signature outside the solution"
        assert '"""' in before and "Inputs:" in before and "Returns:" in before
        assert re.search(r"^\s+return ", after, re.M), "the final return stays outside"
        tests = _tests_of(nb, grade_id)
        assert tests and _meta(tests[0])["grade_id"] == f"test_{grade_id}", (
            f"{grade_id} needs a test cell test_{grade_id} (more may follow as test_{grade_id}__x)")
        owned += tests
        for test in tests:
            meta = _meta(test)
            assert meta["grade"] and meta["locked"] and meta["points"] > 0
            # nbgrader re-inserts a deleted test cell after the graded cell that preceded it
            prev = _meta(keyed[keyed.index(test) - 1])["grade_id"]
            assert prev == grade_id or prev in {_meta(t)["grade_id"] for t in tests}, (
                f"{meta['grade_id']} must follow {grade_id} or its other tests among cells with a grade_id")
            src = test.source
            assert src.startswith('"""Check that'), "the test opens with a docstring"
            visible, _, hidden = src.partition("### BEGIN HIDDEN TESTS")
            assert "check_integrity(globals())" in visible
            assert hidden and "_cu.check_integrity(globals())" in hidden.split("\n", 3)[2]
            assert "### END HIDDEN TESTS" in hidden
            assert src.rstrip().endswith('print("Success!")')
    orphans = [_meta(c)["grade_id"] for c in nb.cells if _is_test(c) and c not in owned]
    assert not orphans, f"test cells that belong to no graded function: {orphans}"


_SHADOWABLE = {n for n in dir(builtins) if not n.startswith("_")} - set(TEST_BUILTINS) - {
    n for n in dir(builtins) if n.endswith(("Error", "Exception", "Warning"))}


def test_test_cells_use_no_builtin_a_notebook_may_shadow(nb):
    """A scratch `sum = 0` or `from numpy import *` must not change what a test computes.

    Test cells use numpy (`np.sum`, `np.abs`, ...) and only the builtins in TEST_BUILTINS,
    which check_integrity guards.
    """
    for cell in nb.cells:
        if _is_test(cell):
            used = {n.id for n in ast.walk(ast.parse(cell.source))
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            assert not used & _SHADOWABLE, (
                f"{_meta(cell)['grade_id']} uses {sorted(used & _SHADOWABLE)}: use numpy or "
                f"the builtins {TEST_BUILTINS}")


def test_ends_with_a_self_check(nb, request):
    """The last code cell lists what passes, what fails and what is left (cs231n_utils.selfcheck)."""
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert f'self_check("{request.node.callspec.id.split("/")[-1]}")' in last.source


def test_inline_questions_are_manually_graded_with_model_answers(nb):
    manual = [(g, p) for g, kind, p in nbt.graded_cells(nb) if kind == "manual"]
    assert manual, "every notebook asks inline questions"
    for grade_id, points in manual:
        cell = nbt.cell_by_id(nb, grade_id)
        assert grade_id.startswith("iq_") and cell.cell_type == "markdown" and points > 0
        assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source


def test_hidden_tests_never_call_other_graded_functions(nb):
    """A test checks only its own function, so one bug loses one function's points."""
    answers = list(nbt.answer_sources(nb))
    for grade_id in answers:
        for test in _tests_of(nb, grade_id):
            hidden = test.source.partition("### BEGIN HIDDEN TESTS")[2]
            for other in answers:
                if other != grade_id:
                    assert not re.search(rf"\b{other}\(", hidden), (
                        f"{_meta(test)['grade_id']} calls {other}")
