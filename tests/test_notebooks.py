"""Every source notebook follows the kit's rhythm and nbgrader's rules (docs/AUTHORING.md)."""
import re

import pytest

from tools import course
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


def test_each_graded_function_has_its_test(nb):
    answers = nbt.answer_sources(nb)
    assert answers
    keyed = [c for c in nb.cells if _meta(c)]
    for grade_id in answers:
        cell = nbt.cell_by_id(nb, grade_id)
        before, _, rest = cell.source.partition("### BEGIN SOLUTION")
        _, _, after = rest.partition("### END SOLUTION")
        assert re.search(rf"^def {grade_id}\(", before, re.M), "signature outside the solution"
        assert '"""' in before and "Inputs:" in before and "Returns:" in before
        assert re.search(r"^\s+return ", after, re.M), "the final return stays outside"
        test = nbt.cell_by_id(nb, f"test_{grade_id}")
        meta = _meta(test)
        assert meta["grade"] and meta["locked"] and meta["points"] > 0
        # nbgrader re-inserts a deleted test cell after the graded cell that preceded it
        prev = keyed[keyed.index(test) - 1]
        assert _meta(prev)["grade_id"] == grade_id, (
            f"test_{grade_id} must directly follow {grade_id} among cells with a grade_id")
        src = test.source
        assert src.startswith('"""Check that'), "the test opens with a docstring"
        visible, _, hidden = src.partition("### BEGIN HIDDEN TESTS")
        assert "check_integrity(globals())" in visible
        assert hidden and "_cu.check_integrity(globals())" in hidden.split("\n", 3)[2]
        assert "### END HIDDEN TESTS" in hidden
        assert src.rstrip().endswith('print("Success!")')


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
        hidden = nbt.cell_by_id(nb, f"test_{grade_id}").source.partition("### BEGIN HIDDEN TESTS")[2]
        for other in answers:
            if other != grade_id:
                assert not re.search(rf"\b{other}\(", hidden), f"test_{grade_id} calls {other}"
