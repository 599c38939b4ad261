"""nbgrader preprocessors this course adds to its configuration (see nbgrader_config.py)."""
from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["ShortenTestErrors"]


class ShortenTestErrors(NbGraderPreprocessor):
    """Replace the traceback of a failed graded test cell by its last line.

    IPython tracebacks quote the lines around the failing statement, which in a graded test
    cell may be hidden tests. Feedback keeps the error type and message (written by
    `cs231n_utils.testing` to say what is wrong) and drops the quoted source.
    """

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources
