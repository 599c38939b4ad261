"""Tests for cs231n_utils.selfcheck: stubs, needs(), the self-check table and its command."""
import importlib.util
import json
import subprocess
import sys

import nbformat
import pytest

from cs231n_utils import selfcheck
from cs231n_utils.selfcheck import STUB_TEMPLATE, TodoError, is_stub, needs, self_check
from tools import notebooks as nbt


def _module(tmp_path, source, name="student_mod"):
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


STUBBED = ("def predict(x):\n    \"\"\"Doc.\"\"\"\n    # YOUR CODE HERE\n    "
           + STUB_TEMPLATE.format(name="predict") + "\n    return x\n")


def test_is_stub_and_needs(tmp_path):
    mod = _module(tmp_path, STUBBED + "\n\ndef done(x):\n    return 2 * x\n")
    assert is_stub(mod.predict) and not is_stub(mod.done)
    needs(mod.done)  # nothing to do
    with pytest.raises(TodoError, match="^implement predict above first$") as info:
        needs(mod.done, mod.predict)
    assert isinstance(info.value, NotImplementedError)
    assert info.value._render_traceback_() == ["TodoError: implement predict above first"]
    with pytest.raises(NotImplementedError, match="predict is not implemented yet: replace"):
        mod.predict(1)
    assert not is_stub(len), "no source to read: counted as written"


def _notebook(tmp_path):
    cells = [
        nbt.code("def f(x):\n    return x + 1", "answer", "f"),
        nbt.code('"""Check that f adds one."""\nassert f(1) == 2\nprint("Success!")', "test", "test_f", 3),
        nbt.code('"""Check that f is even."""\nassert f(2) == 4, "f(2) should be 4"', "test",
                 "test_f__even", 2),
        nbt.code('"""Check that g works."""\ng(1)', "test", "test_g", 4),
        nbt.code('"""Check that h works."""\nh(1)', "test", "test_h", 1),
        nbt.markdown("YOUR ANSWER HERE", "manual", "iq_one", 2),
        nbt.markdown("My answer.", "manual", "iq_two", 2),
    ]
    path = tmp_path / "demo.ipynb"
    nbt.write(nbt.new_notebook(cells), path)
    return path


def test_self_check_reports_each_part(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    path = _notebook(tmp_path)

    def g(x):
        raise NotImplementedError("g is not implemented yet: replace ...")

    ns = {"f": lambda x: x + 1, "g": g}
    result = self_check(str(path), namespace=ns)
    assert result == [("test_f", 3, "passed"), ("test_f__even", 2, "failing"),
                      ("test_g", 4, "not implemented"), ("test_h", 1, "not run")]
    out = capsys.readouterr().out
    assert "Success!" not in out, "the tests' own prints are swallowed"
    assert "failing            2 pts  test_f__even  AssertionError: f(2) should be 4" in out
    assert "Autograded: 3 of 10 points pass their visible tests" in out
    assert "Written answers: 1 of 2 answered (4 points, graded by hand); still empty in the saved file: iq_one." in out
    assert "hidden tests run when it is graded" in out


def test_self_check_is_skipped_while_grading_and_names_a_missing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert self_check(str(_notebook(tmp_path)), namespace={}) == []
    assert "skipped" in capsys.readouterr().out
    monkeypatch.delenv("NBGRADER_EXECUTION")
    assert self_check(str(tmp_path / "nope.ipynb"), namespace={}) == []
    assert "Save the notebook and pass its path" in capsys.readouterr().out


def test_self_check_command_runs_the_notebook_in_a_kernel(tmp_path):
    path = _notebook(tmp_path)
    nb = nbt.read(path)
    nb.cells[0].metadata["nbgrader"]["solution"] = True
    nbt.write(nb, path)
    proc = subprocess.run([sys.executable, "-m", "cs231n_utils.selfcheck", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "passed             3 pts  test_f" in proc.stdout
    assert "failing            2 pts  test_f__even" in proc.stdout
    assert "not run            4 pts  test_g  name 'g' is not defined" in proc.stdout
    missing = subprocess.run([sys.executable, "-m", "cs231n_utils.selfcheck", "nope.ipynb"],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "no notebook nope.ipynb" in missing.stderr
