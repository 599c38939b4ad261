"""Tests for cs231n_utils.training (loss guard, templates, plots) and checks.check_loss_inputs."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from cs231n_utils.checks import check_loss_inputs  # noqa: E402
from cs231n_utils.training import (  # noqa: E402
    LossDivergedError, guard_loss, plot_heatmap, plot_loss_history, plot_templates,
    weights_to_templates,
)


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def squared_loss(W, X, y, reg, scale=1.0):
    """A finite loss with gradient, enough for the guard."""
    return scale * float(np.sum(W * W)), 2 * scale * W


# ---------------------------------------------------------------- guard_loss
def test_guard_passes_finite_results_through_and_records_losses():
    guarded = guard_loss(squared_loss)
    W = np.ones((2, 3))
    loss, dW = guarded(W, None, None, 0.0, scale=2.0)
    assert loss == 12.0 and np.array_equal(dW, 4 * W)
    guarded(2 * W, None, None, 0.0)
    assert guarded.losses == [12.0, 24.0]
    assert guarded.__name__ == "squared_loss"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_guard_stops_on_a_non_finite_loss_with_the_iteration_and_a_fix(bad):
    def diverging(W, X, y, reg):
        return (1.5 if W[0, 0] < 2 else bad), np.zeros_like(W)

    guarded = guard_loss(diverging)
    guarded(np.ones((1, 1)), None, None, 0.0)
    with pytest.raises(LossDivergedError) as info:
        guarded(np.full((1, 1), 3.0), None, None, 0.0)
    message = str(info.value)
    assert "iteration 2" in message and "learning rate" in message and "1.5" in message
    assert guarded.losses == [1.5]  # the curve up to the failure can still be drawn
    assert isinstance(info.value, FloatingPointError)


def test_guard_stops_on_a_non_finite_gradient():
    guarded = guard_loss(lambda W, X, y, reg: (0.5, np.array([[np.nan]])))
    with pytest.raises(LossDivergedError, match="gradient dW contains NaN or inf"):
        guarded(np.ones((1, 1)), None, None, 0.0)


def test_guard_silences_overflow_warnings_and_reports_once(recwarn):
    def overflowing(W, X, y, reg):
        big = np.float32(1e30) * W
        return np.sum(big * big), big  # float32 overflow -> inf

    with pytest.raises(LossDivergedError, match="the loss is inf"):
        guard_loss(overflowing)(np.ones((2, 2), dtype=np.float32), None, None, 0.0)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_guard_needs_a_function():
    with pytest.raises(TypeError, match="loss_fn must be a function"):
        guard_loss(3.0)


def test_diverged_error_shows_one_line_in_ipython():
    err = LossDivergedError("training stopped")
    assert err._render_traceback_() == ["LossDivergedError: training stopped"]


# ---------------------------------------------------------------- templates
def test_templates_drop_the_bias_row_and_keep_each_column_as_an_image():
    rng = np.random.default_rng(0)
    W = rng.normal(size=(4 * 3 * 3 + 1, 5))
    templates = weights_to_templates(W, image_shape=(4, 3, 3))
    assert templates.shape == (5, 4, 3, 3)
    assert np.array_equal(templates[2].ravel(), W[:-1, 2])
    assert np.array_equal(weights_to_templates(W[:-1], (4, 3, 3)), templates)


def test_templates_reject_a_wrong_number_of_rows():
    with pytest.raises(ValueError, match=r"expected 3072 rows \(or 3073 with a bias row\)"):
        weights_to_templates(np.zeros((100, 10)))


def test_plot_templates_labels_each_class(ax):
    W = np.random.default_rng(1).normal(size=(3073, 3))
    out = plot_templates(W, ["a", "b", "c"], ax=ax, title="templates")
    assert out is ax and [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert ax.get_title() == "templates" and len(ax.images) == 1
    with pytest.raises(ValueError, match="3 columns but 2 class names"):
        plot_templates(W, ["a", "b"], ax=ax)


# ---------------------------------------------------------------- plots
def test_plot_loss_history_axes_and_legend(ax):
    out = plot_loss_history([3.0, 2.0, 1.5], ax=ax, label="batch 200", title="SVM", log=True)
    assert out is ax
    x, y = ax.lines[0].get_data()
    assert list(x) == [1, 2, 3] and list(y) == [3.0, 2.0, 1.5]
    assert ax.get_xlabel() == "iteration" and ax.get_ylabel() == "loss"
    assert ax.get_yscale() == "log" and ax.get_legend() is not None and ax.get_title() == "SVM"


def test_plot_loss_history_uses_current_axes():
    fig = plt.figure()
    try:
        assert plot_loss_history([1.0, 0.5]) is plt.gca()
    finally:
        plt.close(fig)


def test_plot_heatmap_annotates_values_and_leaves_nan_blank(ax):
    values = np.array([[0.30, np.nan, 0.35], [0.38, 0.39, 0.20]])
    plot_heatmap(values, ["1e-7", "1e-6"], ["1e3", "1e4", "1e5"], ax=ax, xlabel="reg",
                 ylabel="learning rate", title="validation", colorbar_label="accuracy")
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["0.300", "0.350", "0.380", "0.390", "0.200"]
    assert ax.get_xlabel() == "reg" and ax.get_ylabel() == "learning rate"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1e-7", "1e-6"]
    assert ax.figure.axes[-1].get_ylabel() == "accuracy"  # the colourbar


def test_plot_heatmap_checks_the_labels(ax):
    with pytest.raises(ValueError, match=r"values must have shape \(3, 2\)"):
        plot_heatmap(np.zeros((2, 2)), ["a", "b", "c"], ["x", "y"], ax=ax)


# ---------------------------------------------------------------- check_loss_inputs
def _inputs():
    rng = np.random.default_rng(2)
    return rng.normal(size=(5, 3)), rng.normal(size=(4, 5)), np.array([0, 2, 1, 2])


def test_check_loss_inputs_accepts_valid_inputs():
    W, X, y = _inputs()
    check_loss_inputs(W, X, y)
    check_loss_inputs(W.astype(np.float32), X.astype(np.float32), y.astype(np.int32))
    check_loss_inputs(W, X[:0], y[:0])


def test_mismatched_shapes_name_both_shapes():
    W, X, y = _inputs()
    with pytest.raises(ValueError) as info:
        check_loss_inputs(W, X[:, :4], y)
    message = str(info.value)
    assert "(4, 4)" in message and "(5, 3)" in message and "same D" in message
    assert "bias column" in message  # one column short: the classic forgotten bias
    with pytest.raises(ValueError, match=r"W has shape \(5, 3\)") as info:
        check_loss_inputs(W, np.zeros((4, 7)), y)
    assert "bias" not in str(info.value)


def test_labels_must_match_rows_and_classes():
    W, X, y = _inputs()
    with pytest.raises(ValueError, match=r"y has shape \(3,\) but X has shape \(4, 5\)"):
        check_loss_inputs(W, X, y[:3])
    with pytest.raises(ValueError, match=r"labels must lie in 0 \.\. 2 .*from 0 to 3"):
        check_loss_inputs(W, X, np.array([0, 3, 1, 2]))
    with pytest.raises(ValueError, match="from -1 to 2"):
        check_loss_inputs(W, X, np.array([0, -1, 1, 2]))
    with pytest.raises(TypeError, match="y must have a integer or unsigned integer dtype"):
        check_loss_inputs(W, X, y.astype(float))


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_or_inf_in_X_names_the_position(bad):
    W, X, y = _inputs()
    X[2, 3] = bad
    with pytest.raises(ValueError, match=r"X of shape \(4, 5\) contains NaN or inf values \(first at row 2, column 3\)"):
        check_loss_inputs(W, X, y)


def test_wrong_ranks_and_types():
    W, X, y = _inputs()
    with pytest.raises(ValueError, match="W must have 2 dimensions"):
        check_loss_inputs(W[0], X, y)
    with pytest.raises(TypeError, match="X must be a numpy array"):
        check_loss_inputs(W, X.tolist(), y)
    with pytest.raises(TypeError, match="W must have a floating point dtype"):
        check_loss_inputs(W.astype(int), X, y)
