"""The install files: one pinned set for pip and conda, a student install without the grader.

conda cannot run here, so environment.yml is checked structurally against pyproject.toml.
"""
import os
import re
import shutil
import subprocess

import pytest
import yaml

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

from tools import course

PYPROJECT = tomllib.loads((course.REPO / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
EXTRAS = PROJECT["optional-dependencies"]


def _names(requirements):
    return {re.split(r"[=<>\[;]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def test_license_is_an_spdx_string():
    assert PROJECT["license"] == "MIT"


def test_build_backend_range_is_capped():
    (req,) = PYPROJECT["build-system"]["requires"]
    assert re.fullmatch(r"setuptools>=77[.\d]*,<\d+", req), req  # 77 reads SPDX strings


def test_student_install_has_what_the_notebooks_need_and_no_grader():
    names = _names(PROJECT["dependencies"])
    assert {"numpy", "matplotlib", "jupyter", "notebook", "jupyterlab", "tqdm"} <= names
    assert not names & {"nbgrader", "nbval", "pytest", "pillow", "psycopg2-binary", "torch"}
    assert all("==" in r for r in PROJECT["dependencies"]), "every student package is pinned"


def test_instructor_and_dev_extras():
    assert EXTRAS["instructor"] == ["nbgrader==0.9.6"]
    assert "cs231n-utils[instructor]" in EXTRAS["dev"]
    assert {"nbval", "pytest", "pillow"} <= _names(EXTRAS["dev"])
    assert "cs231n-utils[instructor]" in EXTRAS["postgres"]  # a gradebook needs the grader


def test_makefile_installs_dev():
    assert 'pip install --quiet -e ".[dev]"' in (course.REPO / "Makefile").read_text()


def test_environment_yml_installs_the_student_pins():
    env = yaml.safe_load((course.REPO / "environment.yml").read_text())
    assert env["name"] == "cs231n"
    deps = env["dependencies"]
    assert "pip" in deps and any(str(d).startswith("python=3.1") for d in deps)
    (pip_section,) = [d["pip"] for d in deps if isinstance(d, dict)]
    assert pip_section[-1] == "-e ."
    assert sorted(pip_section[:-1]) == sorted(PROJECT["dependencies"])
    python = next(d for d in deps if str(d).startswith("python="))
    minimum = PROJECT["requires-python"].removeprefix(">=")
    assert tuple(map(int, python.split("=")[1].split("."))) >= tuple(map(int, minimum.split(".")))


def test_readmes_give_the_student_install_and_the_instructor_extra():
    student = (course.REPO / "docs" / "STUDENT_README.md").read_text()
    readme = (course.REPO / "README.md").read_text()
    assert "pip install -e ." in student and "[dev]" not in student
    assert "conda env create -f environment.yml" in student
    for command in ('pip install -e ".[dev]"', "conda env create -f environment.yml",
                    "conda activate cs231n"):
        assert command in readme, command


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("forced", [False, True])
def test_make_test_ends_naming_the_dataset(tmp_path, forced):
    """The line `make test` prints last, run on its own through the Makefile's variable."""
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"include {course.REPO / 'Makefile'}\nline:\n\t$(DATASET_LINE)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CS231N_")}
    if forced:
        env["CS231N_DATASET"] = "synthetic"
    out = subprocess.run(["make", "-s", "-f", str(makefile), "-C", str(course.REPO), "line"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.startswith("make test: the solution notebooks ran on ") and out.count("\n") == 1
    if forced:
        assert "offline synthetic shapes (NOT CIFAR-10" in out
    else:
        assert "CIFAR-10 (" in out or "NOT CIFAR-10" in out
