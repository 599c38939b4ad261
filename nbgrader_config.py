"""nbgrader configuration of the course kit; the repository root is the course directory.

`solutions/<assignment>/` holds the source notebooks, `assignments/<assignment>/` the
generated student versions (`python -m tools.course generate`). Submissions, autograded
notebooks, feedback and gradebook.db stay out of git (see .gitignore).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput, DeduplicateIds,
    GetGrades, IgnorePattern, LimitOutput, OverwriteCells, OverwriteKernelspec, SaveAutoGrades,
)
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402

from nbgrader.preprocessors import (  # noqa: E402
    ClearMarkScheme, ComputeChecksums, IncludeHeaderFooter,
    InstantiateTests, LockCells, SaveCells,
)
from tools.nbgrader_ext import (  # noqa: E402
    NamedStubs, RestoreCellOrder, RobustExecute, ShortenTestErrors, StderrToStdout,
)

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "cs231n-kit"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "assignments"

# what students see in place of the solution: nbgrader's own list, with stubs that name the
# function to write ("l1_distance is not implemented yet: replace ... with your code")
c.GenerateAssignment.preprocessors = [
    IncludeHeaderFooter, InstantiateTests, LockCells, NamedStubs, ClearOutput, CheckCellMetadata,
    ComputeChecksums, SaveCells, ClearHiddenTests, ClearMarkScheme, ComputeChecksums,
    CheckCellMetadata,
]
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# a correct submission's slowest cell takes a few seconds while grading
c.Execute.timeout = 60

# nbgrader's own lists, plus: deleted test cells come back, moved cells go back in order,
# a runaway cell fails alone, warnings on stderr do not cost points
c.OverwriteCells.add_missing_cells = True
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, RestoreCellOrder,
    CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    RobustExecute, IgnorePattern, StderrToStdout, ClearMetadataPreprocessor, LimitOutput,
    SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]

# feedback never shows hidden tests: neither their source nor a traceback quoting it
c.GenerateFeedback.preprocessors = [
    GetGrades, ClearHiddenTests, ShortenTestErrors, CSSHTMLHeaderPreprocessor,
]

# zip_collect: an LMS download named like Canvas's "<login>_[LATE_]<id>_<id>_<notebook>[-N].ipynb"
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[A-Za-z0-9.-]+)_(?:LATE_|late_)?\d+_\d+_(?P<file_id>[^/]+?)(?:-\d+)?\.ipynb$"
)
