"""nbgrader preprocessors this course adds to its configuration (see nbgrader_config.py).

- `NamedStubs` (generate): the stub in each answer cell names the function to write there.
- `RestoreCellOrder` (sanitize): puts the released cells back in their released order.
- `RobustExecute` (autograde): a cell that hangs past the timeout and ignores the interrupt,
  or that kills the kernel, fails on its own; the kernel is restarted, the cells that ran
  before it are replayed, and grading goes on with the next cell.
- `StderrToStdout` (autograde): warnings printed by a graded test cell no longer cost points.
- `ShortenTestErrors` (feedback): tracebacks of failed test cells lose their quoted source.
"""
import copy
import re
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearSolutions, Execute, NbGraderPreprocessor

from cs231n_utils.selfcheck import STUB_TEMPLATE

__all__ = ["NamedStubs", "RestoreCellOrder", "RobustExecute", "StderrToStdout", "ShortenTestErrors"]


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def _is_test(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


class NamedStubs(ClearSolutions):
    """nbgrader's ClearSolutions with a stub that says which function to write, and where.

    A code answer cell gets `# YOUR CODE HERE` and `raise NotImplementedError("<name> is not
    implemented yet: replace ...")`, <name> being the last function defined above the solution
    region (the grade_id when there is none). `cs231n_utils.selfcheck.is_stub` recognises it.
    """

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            before = cell.source.split(self.begin_solution_delimeter)[0]
            names = re.findall(r"^\s*def (\w+)\(", before, re.M)
            name = names[-1] if names else _grade_id(cell) or "this function"
            self.code_stub = dict(self.code_stub, python="# YOUR CODE HERE\n" +
                                  STUB_TEMPLATE.format(name=name))
        return super().preprocess_cell(cell, resources, index)


class RestoreCellOrder(NbGraderPreprocessor):
    """Reorder a submission's cells to the order of the source notebook (= the release).

    Each cell with a grade_id keeps the student's own cells that follow it; these blocks are
    sorted by the grade_id's position in the release. Cells the release does not know stay
    at the end, in their order. A test moved above the function it tests is thus graded
    after it, as released.
    """

    def preprocess(self, nb, resources):
        nbg = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", nbg["assignment"]))
        source = source / f"{nbg['notebook']}.ipynb"
        if not source.is_file():
            return nb, resources
        ids = [_grade_id(c) for c in nbformat.read(str(source), as_version=4).cells]
        order = {gid: i for i, gid in enumerate(ids) if gid}
        blocks, current = [], (-1, [])
        for cell in nb.cells:
            gid = _grade_id(cell)
            if gid is not None:
                blocks.append(current)
                current = (order.get(gid, len(order)), [cell])
            else:
                current[1].append(cell)
        blocks.append(current)
        keys = [k for k, _ in blocks]
        if keys != sorted(keys):
            self.log.warning("Cells of %s were moved; grading them in the released order",
                             nbg["notebook"])
            nb.cells = [c for _, cells in sorted(blocks, key=lambda b: b[0]) for c in cells]
        return nb, resources


class RobustExecute(Execute):
    """nbgrader's Execute, but one runaway cell cannot stop the rest from being graded."""

    def preprocess(self, nb, resources=None, km=None):
        self._completed = []  # indices of cells that finished, replayed after a restart
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except (CellTimeoutError, DeadKernelError) as e:
            self.log.warning("Cell %d did not finish (%s); restarting the kernel", index, e)
            reason = ("the kernel died" if isinstance(e, DeadKernelError) else
                      f"it ran longer than {self.timeout} s and ignored the interrupt")
            cell.outputs.append(NotebookNode(
                output_type="error", ename="CellTimeoutError" if "longer" in reason else "DeadKernelError",
                evalue=f"this cell was stopped because {reason}; the kernel was restarted",
                traceback=[f"This cell was stopped because {reason}; the kernel was restarted."]))
            self._restart_and_replay()
            return cell, self.resources
        if cell.cell_type == "code":
            self._completed.append(index)
        return cell, resources

    def _restart_and_replay(self):
        run_sync(self.km.restart_kernel)(now=True)
        run_sync(self.kc.wait_for_ready)(timeout=60)
        for i in self._completed:
            scratch = copy.deepcopy(self.nb.cells[i])
            try:
                run_sync(self.async_execute_cell)(scratch, i, store_history=False)
            except (CellTimeoutError, DeadKernelError):
                self.log.warning("Replaying cell %d failed; continuing without it", i)
                return


class StderrToStdout(NbGraderPreprocessor):
    """Turn stderr output of graded test cells into stdout, marked as such.

    nbgrader scores any stderr output in a test cell as a failure, so a numpy RuntimeWarning
    raised inside a correct student function would cost the points. Errors still fail.
    """

    def preprocess_cell(self, cell, resources, index):
        if _is_test(cell):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    out["name"] = "stdout"
                    out["text"] = "".join("[stderr] " + line for line in
                                          out["text"].splitlines(keepends=True))
        return cell, resources


class ShortenTestErrors(NbGraderPreprocessor):
    """Replace the traceback of a failed graded test cell by its last line.

    IPython tracebacks quote the lines around the failing statement, which in a graded test
    cell may be hidden tests. Feedback keeps the error type and message (written by
    `cs231n_utils.testing` to say what is wrong) and drops the quoted source.
    """

    def preprocess_cell(self, cell, resources, index):
        if _is_test(cell):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources
