"""The student bundle holds what students receive and nothing from solutions/ or the tests."""
import zipfile

import pytest

from tools import course
from tools import notebooks as nbt


NAMES = course.assignment_names("")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """{assignment: (folder, files)}: the bundle released for each assignment, one at a time."""
    out = {}
    for name in NAMES:
        folder = tmp_path_factory.mktemp("bundle") / f"cs231n-{name}"
        out[name] = folder, course.bundle(folder, [name], make_zip=True)
    return out


@pytest.fixture(scope="module")
def bundle(bundles):
    return bundles[NAMES[0]]


def _sources(name):
    return sorted((course.REPO / "solutions" / name).glob("*.ipynb"))


def _secret_lines(names):
    """Distinctive lines only the solution regions and hidden test blocks of these assignments hold."""
    return {line for name in names for line in nbt.secret_lines(_sources(name))}


def test_bundle_has_exactly_the_student_files(bundles):
    for name, (out, files) in bundles.items():
        tops = {f.split("/")[0] for f in files}
        assert tops == {"README.md", ".gitignore", "assignments", "cs231n_utils", "datasets",
                        "environment.yml", "pyproject.toml"}
        assert set(f for f in files if f.startswith("datasets/")) == {
            "datasets/get_datasets.sh", "datasets/README.md"}
        for rel in files:
            assert not rel.startswith(("solutions", "tests", "tools", "benchmarks", ".ci")), rel
            assert not rel.endswith((".db", ".pyc", "nbgrader_config.py")), rel
        released = sorted(str(p.relative_to(course.REPO)) for p in
                          (course.REPO / "assignments" / name).rglob("*.ipynb"))
        assert released and sorted(f for f in files if f.endswith(".ipynb")) == released, (
            f"the {name} bundle holds exactly the {name} student notebooks")
        assert (out / "README.md").read_text() == (course.REPO / "docs/STUDENT_README.md").read_text()


def test_bundle_holds_no_answer_of_its_own_or_a_later_assignment(bundles):
    """A bundle may hold earlier answers (locked cells of later notebooks), never its own or later ones.

    Its own assignment's secrets are looked for line by line; a later assignment's as runs of
    three lines (single lines such as `except ValueError:` occur in any notebook).
    """
    for index, (name, (out, files)) in enumerate(bundles.items()):
        secrets = _secret_lines([name])
        later = _answer_runs(NAMES[index + 1:])
        assert len(secrets) > 20, "the detector needs lines to look for"
        for rel in files:
            text = (out / rel).read_text(errors="replace")
            if rel.endswith(".ipynb"):  # sources as typed, not JSON-escaped
                text += "\n".join(c.source for c in nbt.read(out / rel).cells)
            for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS"):
                assert marker not in text, f"{rel} contains {marker}"
            found = _runs_in(text) & later
            assert not found, f"{name} bundle: {rel} holds a later answer: {next(iter(found))}"
            if rel.startswith("cs231n_utils/") and rel.endswith(".py"):
                continue  # shares short lines with tests by nature; checked by runs of lines
            for line in secrets:
                assert line not in text, f"{name} bundle: {rel} leaks {line!r}"


def _answer_runs(names=NAMES, length=3):
    """Every run of `length` consecutive non-trivial lines of a solution or hidden test of `names`."""
    runs = set()
    for name in names:
        for path in _sources(name):
            for cell in nbt.read(path).cells:
                for region in nbt.regions(cell.source)[0]:
                    lines = [l for l in region if len(l) >= 12 and not l.startswith("#")]
                    runs.update(tuple(lines[i:i + length]) for i in range(len(lines) - length + 1))
    return runs


def _runs_in(text, length=3):
    lines = [l.strip() for l in text.split("\n")]
    lines = [l for l in lines if len(l) >= 12 and not l.startswith("#")]
    return {tuple(lines[i:i + length]) for i in range(len(lines) - length + 1)}


def test_cs231n_utils_holds_no_answer_of_any_assignment():
    """Every student has cs231n_utils from day one: no graded answer (or hidden test) is in it.

    Three consecutive lines of a solution region or hidden block count as found; single short
    lines (`N, C, H, W = x.shape`) are shared by nature.
    """
    answers = _answer_runs()
    assert len(answers) > 20, "the detector needs answers to look for"
    sample = next(iter(answers))
    assert sample in _runs_in("def f():\n    " + "\n    ".join(sample)), "the detector can fail"
    for path in sorted((course.REPO / "cs231n_utils").rglob("*.py")):
        found = _runs_in(path.read_text()) & answers
        assert not found, f"{path.name} holds a graded answer: {next(iter(found))}"


def test_bundle_command_needs_an_assignment(tmp_path, capsys):
    assert course.main(["bundle", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"--assignment {NAMES[0]}" in err
    assert course.main(["bundle", str(tmp_path / "out"), "--assignment", "lecture99_x"]) == 2
    assert "no assignment lecture99_x; choose from" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert course.main(["bundle", str(tmp_path / "all"), "--all"]) == 0
    assert sorted(p.name for p in (tmp_path / "all" / "assignments").iterdir()) == sorted(NAMES)


def test_bundle_zip_matches_folder(bundle):
    out, files = bundle
    with zipfile.ZipFile(f"{out}.zip") as z:
        names = {n.split("/", 1)[1] for n in z.namelist() if not n.endswith("/")}
    assert names == set(files)


def test_bundle_refuses_to_overwrite(bundle):
    with pytest.raises(FileExistsError):
        course.bundle(bundle[0], NAMES[:1])


def test_bundle_command_on_existing_folder_is_one_line(bundle, capsys):
    assert course.main(["bundle", str(bundle[0]), "--assignment", NAMES[0]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {bundle[0]} exists") and "--force" in err


def test_bundle_force_replaces_an_earlier_bundle(tmp_path, capsys):
    out = tmp_path / "cs231n-student"
    course.bundle(out, NAMES[:1])
    (out / "assignments" / "stale.ipynb").write_text("{}")
    assert course.main(["bundle", str(out), "--force", "--zip", "--assignment", NAMES[0]]) == 0
    assert "student bundle:" in capsys.readouterr().out
    assert not (out / "assignments" / "stale.ipynb").exists()
    assert (out / "README.md").is_file() and (tmp_path / "cs231n-student.zip").is_file()


@pytest.mark.parametrize("stranger", ["notes.txt", ".git"])
def test_bundle_force_refuses_a_folder_that_is_not_a_bundle(tmp_path, capsys, stranger):
    out = tmp_path / "mine"
    out.mkdir()
    (out / stranger).write_text("keep me")
    assert course.main(["bundle", str(out), "--force", "--assignment", NAMES[0]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a student bundle" in err and stranger in err
    assert (out / stranger).read_text() == "keep me"


def test_bundle_force_refuses_the_repository(capsys):
    assert course.main(["bundle", str(course.REPO), "--force", "--assignment", NAMES[0]]) == 2
    assert "is not a student bundle" in capsys.readouterr().err


def test_bundle_mentions_no_repository_root(bundles):
    """Students get a course folder; messages and docs must not send them to a repository."""
    out, files = bundles[NAMES[-1]]
    for rel in files:
        if rel.endswith((".py", ".md", ".sh", ".toml", ".yml", ".ipynb")):
            text = (out / rel).read_text()
            assert "repository root" not in text, rel
            assert "INSTRUCTORS.md" not in text, rel


def test_every_assignment_has_a_place_in_the_release_order():
    """Bundles check "later" assignments by RELEASE_ORDER: a folder missing from it has no place."""
    folders = {p.parent.name for p in (course.REPO / "solutions").glob("*/*.ipynb")}
    assert folders <= set(course.RELEASE_ORDER), (
        f"add {sorted(folders - set(course.RELEASE_ORDER))} to RELEASE_ORDER in tools/course.py")
    assert NAMES == [n for n in course.RELEASE_ORDER if n in folders]
