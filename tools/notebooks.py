"""Read, build and edit nbgrader notebooks as data.

Cells are identified by their nbgrader `grade_id`. The builders (`markdown`, `code`) write the
schema-3 metadata nbgrader expects, so a notebook can be authored or changed from a script as
well as from Jupyter's "Create Assignment" toolbar; both give the same JSON.
"""
import re

import nbformat

__all__ = [
    "markdown", "code", "new_notebook", "read", "write", "cell_by_id", "graded_cells",
    "strip_markers", "answer_sources", "fill_answers", "exec_answers", "regions", "secret_lines",
]

_MARKER = re.compile(r"^\s*#+\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


def _meta(kind, grade_id, points):
    """nbgrader metadata for a cell kind: answer, test, manual (graded answer), locked."""
    flags = {
        "answer": dict(grade=False, solution=True, locked=False),
        "test": dict(grade=True, solution=False, locked=True),
        "manual": dict(grade=True, solution=True, locked=False),
        "locked": dict(grade=False, solution=False, locked=True),
    }[kind]
    meta = {**flags, "grade_id": grade_id, "schema_version": 3}
    if flags["grade"]:
        meta["points"] = points
    return {"nbgrader": meta}


def markdown(source, kind=None, grade_id=None, points=None):
    """A markdown cell; `kind` "manual" (inline answer) or "locked" needs a grade_id."""
    cell = nbformat.v4.new_markdown_cell(source.strip("\n"))
    if kind:
        cell.metadata.update(_meta(kind, grade_id, points))
    return cell


def code(source, kind=None, grade_id=None, points=None):
    """A code cell; `kind` is "answer", "test", "locked" or None for a free cell."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"))
    if kind:
        cell.metadata.update(_meta(kind, grade_id, points))
    return cell


def new_notebook(cells):
    """A notebook with a Python 3 kernelspec; cell ids are derived from grade ids or positions."""
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        cell.id = (gid or f"cell-{i:02d}").replace("_", "-")[:64]
    return nb


def read(path):
    return nbformat.read(str(path), as_version=4)


def write(nb, path):
    nbformat.write(nb, str(path))


def cell_by_id(nb, grade_id):
    """The cell whose nbgrader grade_id is `grade_id` (KeyError if there is none)."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(f"no cell with grade_id {grade_id!r}")


def graded_cells(nb):
    """List of (grade_id, kind, points) for answer, test and manually graded cells, in order."""
    out = []
    for cell in nb.cells:
        m = cell.metadata.get("nbgrader", {})
        if m.get("grade") and m.get("solution"):
            out.append((m["grade_id"], "manual", m.get("points", 0)))
        elif m.get("grade"):
            out.append((m["grade_id"], "test", m.get("points", 0)))
        elif m.get("solution"):
            out.append((m["grade_id"], "answer", 0))
    return out


def strip_markers(source):
    """Source without the nbgrader solution / hidden-test marker lines (content kept)."""
    return "\n".join(l for l in source.split("\n") if not _MARKER.match(l))


def answer_sources(nb):
    """Dict grade_id -> source of every autograded answer (code) cell, markers removed."""
    return {
        c.metadata["nbgrader"]["grade_id"]: strip_markers(c.source)
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")
    }


def fill_answers(student_nb, sources):
    """Copy of a student notebook with the given answer cells' sources replaced.

    Inputs:
    - student_nb: a released notebook (stubs in its answer cells)
    - sources: dict grade_id -> new source; ids that are not in the notebook raise KeyError

    Returns a new notebook; this is what a student who typed those answers would submit.
    """
    nb = nbformat.from_dict(student_nb)
    for grade_id, source in sources.items():
        cell_by_id(nb, grade_id).source = source
    return nb


def exec_answers(path):
    """Namespace holding the functions defined by a notebook's answer cells (solutions).

    Runs only the answer cells, in order, with numpy imported as np: for benchmarks that
    measure the reference implementations without executing the whole notebook.
    """
    import numpy as np

    namespace = {"np": np}
    for grade_id, source in answer_sources(read(path)).items():
        exec(compile(source, f"<{grade_id}>", "exec"), namespace)
    return namespace


def regions(source, kind=None):
    """The marked regions of a cell source as lists of stripped lines, and the lines outside.

    - kind: "SOLUTION", "HIDDEN TESTS" or None for both
    Returns (list of the regions of that kind, list of lines outside every region of any kind).
    """
    found, outside, current = [], [], None
    for line in source.split("\n"):
        m = _MARKER.match(line)
        if m:
            current = m.group(2) if m.group(1) == "BEGIN" else None
            if current and (kind is None or current == kind):
                found.append([])
        elif current is None:
            outside.append(line.strip())
        elif kind is None or current == kind:
            found[-1].append(line.strip())
    return found, outside


def secret_lines(paths, kind=None, min_length=16):
    """Distinctive lines only the solution / hidden-test regions of these notebooks hold.

    A line that also stands outside the regions (visible to students anyway) is not a secret;
    comments and lines shorter than `min_length` occur by chance.
    """
    secret, visible = set(), set()
    for path in paths:
        for cell in read(path).cells:
            found, outside = regions(cell.source, kind)
            secret.update(line for region in found for line in region)
            visible.update(outside)
    return {l for l in secret - visible if len(l) >= min_length and not l.startswith("#")}
