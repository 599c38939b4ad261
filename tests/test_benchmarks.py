"""The benchmarks' target lines and the grading benchmark's progress line, without timing."""
import importlib.util
import io
import sys

import pytest

from tools import course

BENCH = course.REPO / "benchmarks"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["bench_knn", "bench_grading"])
def test_target_line_shows_goal_figure_and_verdict(name):
    line = _load(name).target_line("two loops / no loops", "103.2x", ">= 100x", True)
    assert line.split()[-5:] == [">=", "100x", "got", "103.2x", "met"]
    missed = _load(name).target_line("two loops / no loops", "80.0x", ">= 100x", False)
    assert missed.endswith("got      80.0x   NOT met")


def test_knn_targets_are_the_documented_ones():
    knn = _load("bench_knn")
    assert knn.SPEEDUP_TARGET == 100 and knn.DIFF_TARGET == 1e-3
    assert "at least 100× faster" in (course.REPO / "BENCHMARKS.md").read_text()


def test_grading_progress_counts_finished_students(tmp_path, monkeypatch):
    bench = _load("bench_grading")
    (tmp_path / "solutions" / "hw").mkdir(parents=True)
    for nb in ("a.ipynb", "b.ipynb"):
        (tmp_path / "solutions" / "hw" / nb).write_text("{}")
    done = tmp_path / "autograded" / "alice" / "hw"
    done.mkdir(parents=True)
    (done / "a.ipynb").write_text("{}")
    (done / "b.ipynb").write_text("{}")
    half = tmp_path / "autograded" / "bob" / "hw"
    half.mkdir(parents=True)
    (half / "a.ipynb").write_text("{}")  # still grading: one notebook of two
    assert bench.finished(tmp_path, "hw", ["alice", "bob", "carol"], ["a.ipynb", "b.ipynb"]) == 1
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    with bench.progress("serial", tmp_path, "hw", ["alice", "bob", "carol"], every=0.05):
        import time
        time.sleep(0.2)
    lines = [l.strip() for l in out.getvalue().replace("\r", "\n").splitlines() if l.strip()]
    assert len(lines) >= 2  # during the run, and once at the end
    assert all(l.startswith("serial: 1/3 graded,") and l.endswith(" s") for l in lines)
