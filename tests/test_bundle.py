"""The student bundle holds what students receive and nothing from solutions/ or the tests."""
import zipfile

import pytest

from tools import course
from tools import notebooks as nbt


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "cs231n-student"
    files = course.bundle(out, make_zip=True)
    return out, files


def _secret_lines():
    """Long lines of every solution region and hidden test block in solutions/."""
    lines = set()
    for path in (course.REPO / "solutions").glob("*/*.ipynb"):
        for cell in nbt.read(path).cells:
            inside = False
            for line in cell.source.split("\n"):
                if "### BEGIN" in line:
                    inside = True
                elif "### END" in line:
                    inside = False
                elif inside and len(line.strip()) >= 16 and not line.strip().startswith("#"):
                    lines.add(line.strip())
    return lines


def test_bundle_has_exactly_the_student_files(bundle):
    out, files = bundle
    tops = {f.split("/")[0] for f in files}
    assert tops == {"README.md", ".gitignore", "assignments", "cs231n_utils", "datasets",
                    "environment.yml", "pyproject.toml"}
    assert set(f for f in files if f.startswith("datasets/")) == {
        "datasets/get_datasets.sh", "datasets/README.md"}
    for rel in files:
        assert not rel.startswith(("solutions", "tests", "tools", "benchmarks", ".ci")), rel
        assert not rel.endswith((".db", ".pyc", "nbgrader_config.py")), rel
    released = sorted(str(p.relative_to(course.REPO)) for p in
                      (course.REPO / "assignments").rglob("*.ipynb"))
    assert sorted(f for f in files if f.endswith(".ipynb")) == released
    assert (out / "README.md").read_text() == (course.REPO / "docs/STUDENT_README.md").read_text()


def test_bundle_contains_no_solution_or_hidden_test(bundle):
    out, files = bundle
    secrets = _secret_lines()
    assert len(secrets) > 20, "the detector needs lines to look for"
    for rel in files:
        text = (out / rel).read_text(errors="replace")
        if rel.endswith(".ipynb"):  # sources as typed, not JSON-escaped
            text += "\n".join(c.source for c in nbt.read(out / rel).cells)
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS"):
            assert marker not in text, f"{rel} contains {marker}"
        for line in secrets:
            assert line not in text, f"{rel} leaks {line!r}"


def test_bundle_zip_matches_folder(bundle):
    out, files = bundle
    with zipfile.ZipFile(f"{out}.zip") as z:
        names = {n.split("/", 1)[1] for n in z.namelist() if not n.endswith("/")}
    assert names == set(files)


def test_bundle_refuses_to_overwrite(bundle):
    with pytest.raises(FileExistsError):
        course.bundle(bundle[0])


def test_bundle_command_on_existing_folder_is_one_line(bundle, capsys):
    assert course.main(["bundle", str(bundle[0])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {bundle[0]} exists") and "--force" in err


def test_bundle_force_replaces_an_earlier_bundle(tmp_path, capsys):
    out = tmp_path / "cs231n-student"
    course.bundle(out)
    (out / "assignments" / "stale.ipynb").write_text("{}")
    assert course.main(["bundle", str(out), "--force", "--zip"]) == 0
    assert "student bundle:" in capsys.readouterr().out
    assert not (out / "assignments" / "stale.ipynb").exists()
    assert (out / "README.md").is_file() and (tmp_path / "cs231n-student.zip").is_file()


@pytest.mark.parametrize("stranger", ["notes.txt", ".git"])
def test_bundle_force_refuses_a_folder_that_is_not_a_bundle(tmp_path, capsys, stranger):
    out = tmp_path / "mine"
    out.mkdir()
    (out / stranger).write_text("keep me")
    assert course.main(["bundle", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a student bundle" in err and stranger in err
    assert (out / stranger).read_text() == "keep me"


def test_bundle_force_refuses_the_repository(capsys):
    assert course.main(["bundle", str(course.REPO), "--force"]) == 2
    assert "is not a student bundle" in capsys.readouterr().err


def test_bundle_mentions_no_repository_root(bundle):
    """Students get a course folder; messages and docs must not send them to a repository."""
    out, files = bundle
    for rel in files:
        if rel.endswith((".py", ".md", ".sh", ".toml", ".yml", ".ipynb")):
            text = (out / rel).read_text()
            assert "repository root" not in text, rel
            assert "INSTRUCTORS.md" not in text, rel
