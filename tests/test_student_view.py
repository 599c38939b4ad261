"""Run the student notebooks as a student would, in a real Jupyter kernel.

The released notebook (visible tests only) is filled with answers and executed top to bottom:
with the solution's answers every cell must run; with the mistakes that only hidden tests are
meant to catch, every visible test must still pass. Together with test_grading.py (where the
same mistakes lose their points) this shows the hidden tests do the catching.
"""
import re

import pytest
from nbclient import NotebookClient

from tools import course
from tools import notebooks as nbt

NAMES = course.assignment_names()


def _run_release(name, replace, tmp_path, monkeypatch):
    """Execute each released notebook of `name` with solution answers, some replaced.

    Returns {grade_id or cell index: error text} for cells that raised.
    """
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")  # small data sizes, same checks
    errors = {}
    for path in sorted((course.REPO / "assignments" / name).glob("*.ipynb")):
        answers = nbt.answer_sources(nbt.read(course.REPO / "solutions" / name / path.name))
        answers.update({k: v for k, v in replace.items() if k in answers})
        nb = nbt.fill_answers(nbt.read(path), answers)
        NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
        for i, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                if out.output_type == "error":
                    key = cell.metadata.get("nbgrader", {}).get("grade_id", i)
                    errors[key] = f"{out.ename}: {out.evalue}"
    return errors


@pytest.mark.parametrize("name", NAMES)
def test_solution_runs_in_student_notebook(name, tmp_path, monkeypatch):
    assert _run_release(name, {}, tmp_path, monkeypatch) == {}


@pytest.mark.parametrize("name", NAMES)
def test_hidden_only_mistakes_pass_visible_tests(name, tmp_path, monkeypatch):
    chosen = {}
    for v in course.load_variants(name):
        if v.hidden_only:
            chosen.setdefault(v.grade_id, v.source)
    assert chosen, "no mistakes marked 'caught by hidden tests only'"
    errors = _run_release(name, chosen, tmp_path, monkeypatch)
    failed_tests = {k: e for k, e in errors.items() if str(k).startswith("test_")}
    assert failed_tests == {}, "a visible test already catches a 'hidden only' mistake"


@pytest.mark.parametrize("name", NAMES)
def test_untouched_notebook_shows_only_what_to_implement(name, tmp_path, monkeypatch):
    """Every error of an untouched student notebook says which function to write.

    Stubs raise "<function> is not implemented yet: ..."; cells that use unfinished functions
    stop with `needs(...)`'s one line "implement <function> above first". No NameError or
    KeyError cascades from cells that could not run.
    """
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    for path in sorted((course.REPO / "assignments" / name).glob("*.ipynb")):
        nb = nbt.read(path)
        NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
        for i, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                if out.output_type == "error":
                    where = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {i}")
                    assert out.ename in ("NotImplementedError", "TodoError"), (
                        f"{path.name} {where}: {out.ename}: {out.evalue}")
                    assert re.search(r"is not implemented yet|^implement \w+.* above first",
                                     out.evalue), f"{path.name} {where}: {out.evalue}"
