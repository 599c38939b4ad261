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
