"""What is left to do in a notebook: `needs` for dependent cells, `self_check` before submitting.

- `needs(fn, ...)` at the top of a cell that uses functions from earlier parts stops that cell
  with one line ("implement predict_labels above first") while a function
  still holds its stub, instead of a long traceback or a later NameError.
- `self_check("knn.ipynb")` in a notebook's last cell runs every visible graded test again in
  the running kernel and lists each graded part as passed / failing / not implemented, with its
  points; it also counts the written answers still empty in the saved file.
- `python -m cs231n_utils.selfcheck NOTEBOOK.ipynb` does the same from a terminal: it runs the
  whole notebook in a fresh kernel the way the grader does (small data) and reads the results.

Hidden tests run only when a submission is graded, so passing here is necessary, not sufficient.
"""
import contextlib
import inspect
import io
import json
import os
import re
import sys
from pathlib import Path

__all__ = ["STUB_TEMPLATE", "TodoError", "is_stub", "needs", "self_check", "main"]

# the second line of every released answer cell (tools/nbgrader_ext.py writes it)
STUB_TEMPLATE = ('raise NotImplementedError("{name} is not implemented yet: replace '
                 '`# YOUR CODE HERE` and this line with your code")')
_STUB_LINE = re.compile(r'^\s*raise NotImplementedError\("\w+ is not implemented yet', re.M)
_NOT_ANSWERED = "YOUR ANSWER HERE"


class TodoError(NotImplementedError):
    """An unfinished earlier part; IPython shows only its one-line message."""

    def _render_traceback_(self):
        return [f"{type(self).__name__}: {self}"]


def is_stub(fn):
    """True while `fn` (a function or method) still holds the released stub."""
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):  # no source to look at: assume it was written
        return False
    return bool(_STUB_LINE.search(source))


def needs(*functions):
    """Stop the current cell with one line if any of `functions` is not implemented yet."""
    todo = [getattr(fn, "__qualname__", repr(fn)) for fn in functions if is_stub(fn)]
    if todo:
        raise TodoError(f"implement {', '.join(todo)} above first")


def _cells(path):
    """The saved notebook's cells with nbgrader metadata, as (cell, nbgrader metadata)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "")
        cell = dict(cell, source="".join(source) if isinstance(source, list) else source)
        out.append((cell, meta))
    return out


def _is_test(cell, meta):
    return cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution")


def _is_written_answer(cell, meta):
    return cell["cell_type"] == "markdown" and meta.get("grade") and meta.get("solution")


def _status(error):
    """(status, one-line detail) of a test cell's outcome; error is None when it passed."""
    if error is None:
        return "passed", ""
    name, message = error
    first = message.strip().split("\n")[0][:160]
    if name in ("NotImplementedError", "TodoError"):
        return "not implemented", first
    if name == "NameError":
        return "not run", f"{first} (run the cells above it first)"
    return "failing", f"{name}: {first}" if first else name


def _report(notebook, results, written):
    """The self-check table: results = [(grade_id, points, error or None)]."""
    lines = [f"Self-check of {notebook}: visible tests only (hidden tests run when it is graded)"]
    totals = {}
    for grade_id, points, error in results:
        status, detail = _status(error)
        totals[status] = totals.get(status, 0) + points
        lines.append(f"  {status:16s} {points:3g} pts  {grade_id}" + (f"  {detail}" if detail else ""))
    auto = sum(p for _, p, _ in results)
    summary = ", ".join(f"{v:g} {k}" for k, v in totals.items())
    lines.append(f"Autograded: {totals.get('passed', 0):g} of {auto:g} points pass their visible "
                 f"tests ({summary}).")
    if written:
        empty = [g for g, _, answered in written if not answered]
        pts = sum(p for _, p, _ in written)
        lines.append(f"Written answers: {len(written) - len(empty)} of {len(written)} answered "
                     f"({pts:g} points, graded by hand)" +
                     (f"; still empty in the saved file: {', '.join(empty)}" if empty else "") + ".")
    remaining = [g for g, _, e in results if e is not None]
    lines.append("Everything visible passes: submit the saved notebook." if not remaining else
                 "Fix the parts above that do not pass, save, and run this check again.")
    return "\n".join(lines)


def _written(cells):
    return [(m["grade_id"], m.get("points", 0), _NOT_ANSWERED not in c["source"])
            for c, m in cells if _is_written_answer(c, m)]


def self_check(notebook, namespace=None):
    """Run the visible graded tests of `notebook` in this kernel and print what passes.

    Inputs:
    - notebook: path of the saved .ipynb (its test cells are read from the file; your
      answers are the functions defined in this kernel)
    - namespace: globals to run the tests in (default: the notebook's, through IPython)

    Returns the list of (grade_id, points, status) so a cell can use it; prints the table.
    Skipped while the notebook is being graded or checked from the command line.
    """
    if "NBGRADER_EXECUTION" in os.environ:
        print("Self-check skipped: this notebook is being graded or checked right now.")
        return []
    path = Path(notebook)
    if not path.is_file():
        print(f"Self-check: no file {path} in {Path.cwd()}. Save the notebook and pass its path, "
              f"e.g. self_check('/path/to/{path.name}').")
        return []
    if namespace is None:
        from IPython import get_ipython

        namespace = get_ipython().user_ns
    cells = _cells(path)
    results = []
    for cell, meta in cells:
        if not _is_test(cell, meta):
            continue
        error = None
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell["source"], f"<{meta['grade_id']}>", "exec"), namespace)
        except Exception as e:  # every failure is reported, none stops the check
            error = (type(e).__name__, str(e))
        results.append((meta["grade_id"], meta.get("points", 0), error))
    print(_report(path.name, results, _written(cells)))
    return [(g, p, _status(e)[0]) for g, p, e in results]


def _errors_of(cell):
    """(ename, evalue) of a cell's first error output, or None."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out.get("ename", "Error"), out.get("evalue", "")
    return None


def main(argv=None):
    """Command line: run a notebook in a fresh kernel as the grader does and report its tests."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m cs231n_utils.selfcheck",
        description="Run a notebook top to bottom (small data, as when graded) and list which "
                    "graded parts pass their visible tests.")
    parser.add_argument("notebook")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    path = Path(args.notebook)
    if not path.is_file():
        print(f"no notebook {path}: give the path of your .ipynb file", file=sys.stderr)
        return 2
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    os.environ["NBGRADER_EXECUTION"] = "selfcheck"  # the notebooks shrink their data for this
    print(f"running {path} in a fresh kernel (this takes a minute or two) ...", flush=True)
    NotebookClient(nb, timeout=args.timeout, allow_errors=True,
                   resources={"metadata": {"path": str(path.parent.resolve())}}).execute()
    cells = [(c, c.get("metadata", {}).get("nbgrader", {})) for c in nb.cells]
    results = [(m["grade_id"], m.get("points", 0), _errors_of(c))
               for c, m in cells if _is_test(c, m)]
    print(_report(path.name, results, _written(_cells(path))))
    return 0 if all(e is None for _, _, e in results) else 1


if __name__ == "__main__":
    sys.exit(main())
