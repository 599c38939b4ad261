"""grade-examples (`make demo`): expected against got is checked, temporary folders go away.

The gradebook is replaced by score dicts here, so nothing is autograded; test_grading.py
grades the same students for real.
"""
from pathlib import Path

import pytest

from tools import course

NAME = "lecture02_knn"
VARIANTS = course.load_variants(NAME)


def _scores(broken=None):
    """Scores as the gradebook gives them when every student loses what it should.

    broken: {student: set of test cells it loses instead}.
    """
    cells = sorted({t for v in VARIANTS for t in v.fails} | {"test_extra"})
    lost = course.expected_losses(NAME, {"solution": dict.fromkeys(cells, (0, 0))}, VARIANTS)
    lost.update(broken or {})
    return {student: {c: (0.0 if c in gone else 2.0, 2.0) for c in cells}
            for student, gone in lost.items()}


def test_expected_losses():
    expected = course.expected_losses(NAME, _scores(), VARIANTS)
    assert expected["solution"] == set()
    assert "test_extra" in expected["blank"] and len(expected["blank"]) > 3
    for v in VARIANTS:
        assert expected[v.student] == set(v.fails)


def test_check_examples_finds_every_difference():
    assert course.check_examples(NAME, _scores(), VARIANTS) == []
    first = VARIANTS[0]
    scores = _scores({first.student: {"test_extra"}, "solution": {"test_extra"}})
    del scores[VARIANTS[1].student]
    got = {s: (want, lost) for s, want, lost in course.check_examples(NAME, scores, VARIANTS)}
    assert got == {first.student: (set(first.fails), {"test_extra"}),
                   "solution": (set(), {"test_extra"}),
                   VARIANTS[1].student: (set(VARIANTS[1].fails), None)}


def test_table_shows_expected_and_check():
    scores = _scores({"solution": {"test_extra"}})
    table = course.format_table(NAME, scores, course.expected_losses(NAME, scores, VARIANTS))
    lines = {line.split()[0]: line for line in table.splitlines()[2:]}
    assert lines["solution"].split()[4:] == ["DIFFERS", "test_extra", "-"]
    v = VARIANTS[0]
    assert lines[v.student].split()[4] == "ok"
    assert lines[v.student].endswith(" " + ", ".join(sorted(v.fails)))
    assert "all test cells" in lines["blank"]


@pytest.fixture
def fake_grading(monkeypatch):
    """Replace the autograding by canned scores; records the workdir it was given."""
    seen = {}

    def grade_examples(names, workdir=None, jobs=2):
        seen["workdir"] = Path(workdir)
        root = Path(workdir) / NAME
        root.mkdir(parents=True)
        (root / "gradebook.db").write_text("")
        proc = type("Proc", (), {"returncode": 0, "stderr": ""})()
        return {NAME: (root, seen.get("scores", _scores()), proc)}

    monkeypatch.setattr(course, "grade_examples", grade_examples)
    return seen


def test_demo_passes_and_removes_its_folders(fake_grading, capsys):
    assert course.main(["grade-examples", NAME]) == 0
    out = capsys.readouterr().out
    assert f"All {len(VARIANTS) + 2} example students lost exactly the expected test cells." in out
    assert not fake_grading["workdir"].exists()
    assert "kept" not in out


def test_demo_fails_with_a_clear_line_when_a_student_differs(fake_grading, capsys):
    v = VARIANTS[0]
    fake_grading["scores"] = _scores({v.student: set()})
    assert course.main(["grade-examples", NAME]) == 1
    err = capsys.readouterr().err
    assert f"error: 1 of {len(VARIANTS) + 2} example students did not lose exactly" in err
    assert f"{NAME}/{v.student}: expected {', '.join(sorted(v.fails))}, got -" in err
    assert not fake_grading["workdir"].exists()


def test_demo_keeps_folders_on_request(fake_grading, capsys, tmp_path):
    assert course.main(["grade-examples", NAME, "--keep"]) == 0
    assert fake_grading["workdir"].is_dir()
    assert f"Course directories kept in {fake_grading['workdir']}" in capsys.readouterr().out
    course.shutil.rmtree(fake_grading["workdir"])
    work = tmp_path / "work"
    assert course.main(["grade-examples", NAME, "--workdir", str(work)]) == 0
    assert (work / NAME / "gradebook.db").is_file()  # a given workdir is never removed
