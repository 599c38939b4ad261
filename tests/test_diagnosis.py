"""Failing tests name the likely mistake: the classic mistakes of lecture03_linear are diagnosed.

Each buggy submission below is spliced into the notebook's answers, and the test cells it must
fail (hidden tests included, as when grading) are run in one namespace with the setup and the
answer cells; the first failure's message must say "Likely mistake: <the mistake>". Fast: no
kernel, no nbgrader, no data (test cells never use the data).
"""
import re

import pytest

from tools import course
from tools import notebooks as nbt

NAME = "lecture03_linear"
NOTEBOOK = course.REPO / "solutions" / NAME / "linear_classifiers.ipynb"

# buggy submission -> words its diagnosis must contain
DIAGNOSES = {
    "svm_loss_naive__correct_margin_counted": "larger by exactly 1.0 per example: the correct class's own margin is counted",
    "svm_loss_vectorized__correct_margin_counted": "larger by exactly 1.0 per example: the correct class's own margin is counted",
    "svm_loss_naive__not_divided_by_n": "the loss is not divided by N",
    "svm_loss_vectorized__dw_not_divided_by_n": "dW is not divided by N",
    "svm_loss_naive__reg_gradient_missing": "the regularization gradient reg * dR is missing from dW",
    "svm_loss_vectorized__reg_gradient_missing": "the regularization gradient reg * dR is missing from dW",
    "svm_loss_naive__hinge_gradient_every_class": "applied to every class, not only to those with a positive margin",
    "svm_loss_naive__half_reg_in_loss": "the penalty is halved",
    "svm_loss_naive__reg_kind_not_passed": "reg_kind and beta are not passed on to reg_fn",
    "softmax_loss_naive__unshifted_exp": "the scores are not shifted",
    "softmax_loss_vectorized__unshifted_exp": "the scores are not shifted",
    "softmax_loss_naive__not_divided_by_n": "the loss is not divided by N",
    "softmax_loss_vectorized__reg_gradient_missing": "the regularization gradient reg * dR is missing from dW",
    "regularization__l1_gradient_abs": "dR uses np.abs(W): the derivative of |w| is np.sign(w)",
    "regularization__elastic_beta_on_abs": "beta multiplies |w| instead of w^2",
    "regularization__half_in_loss_not_in_gradient": "R has a factor 1/2",
    "regularization__gradient_without_factor_2": "the factor 2 of the derivative of w^2 is missing",
    "train_linear_classifier__gradient_ascent": "W moves along +dW",
    "train_linear_classifier__batch_size_ignored": "batch_size is ignored",
    "train_linear_classifier__decay_every_step": "decays after every step, not after every epoch",
    "predict_linear__returns_scores": "the scores are returned instead of the labels",
    "predict_linear__argmin": "np.argmin instead of np.argmax",
}


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


def _failures(replace):
    """{test grade_id: error message} of the test cells that fail with these answers."""
    nb = nbt.read(NOTEBOOK)
    answers = nbt.answer_sources(nb)
    namespace, failures = {}, {}
    for cell in nb.cells:
        meta = _meta(cell)
        if cell.cell_type != "code" or not meta:
            continue
        if meta["grade_id"] == "setup":
            exec(cell.source, namespace)
        elif meta.get("solution"):
            exec(replace.get(meta["grade_id"], answers[meta["grade_id"]]), namespace)
        elif meta.get("grade"):
            try:
                exec(nbt.strip_markers(cell.source), namespace)
            except Exception as error:  # noqa: BLE001 - any failure is a lost test
                failures[meta["grade_id"]] = f"{type(error).__name__}: {error}"
    return failures


@pytest.fixture(scope="module")
def variants():
    return {v.student: v for v in course.load_variants(NAME)}


def test_solution_passes_every_test_cell():
    assert _failures({}) == {}


@pytest.mark.parametrize("student", sorted(DIAGNOSES))
def test_known_mistake_is_named_in_the_failure(variants, student):
    v = variants[student]
    failures = _failures({v.grade_id: v.source})
    assert set(failures) == set(v.fails), failures
    messages = " | ".join(failures.values())
    assert "Likely mistake: " in messages, messages
    assert DIAGNOSES[student] in messages, messages
    # the message names the mistake, never the test's code
    assert not re.search(r"_h\b|BEGIN HIDDEN", messages), messages
