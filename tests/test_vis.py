"""Tests for cs231n_utils.vis: the pure grid core, then the plotting functions (Agg backend)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from cs231n_utils import (  # noqa: E402
    make_synthetic_images, plot_class_examples, plot_cv_results, plot_grid, visualize_grid,
)


@pytest.fixture
def images():
    rng = np.random.default_rng(231)
    return rng.integers(10, 200, size=(5, 4, 6, 3)).astype(np.float64)  # (N, H, W, C)


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_grid_shape(images):
    grid = visualize_grid(images, padding=1)  # G = ceil(sqrt(5)) = 3
    assert grid.shape == (3 * 5 - 1, 3 * 7 - 1, 3)
    assert visualize_grid(images, padding=0).shape == (12, 18, 3)
    assert visualize_grid(images[:1], padding=3).shape == (4, 6, 3)


def test_padding_and_empty_cells_are_zero(images):
    grid = visualize_grid(images, padding=2)
    H, W = 4, 6
    pad_rows = [r for r in range(grid.shape[0]) if r % (H + 2) >= H]
    pad_cols = [c for c in range(grid.shape[1]) if c % (W + 2) >= W]
    assert pad_rows and pad_cols
    assert (grid[:H, :W] > 0).mean() > 0.9  # the images themselves are mostly non-zero
    np.testing.assert_array_equal(grid[pad_rows], 0.0)
    np.testing.assert_array_equal(grid[:, pad_cols], 0.0)
    # cells 5..8 of the 3 x 3 grid hold no image: row 1 col 2, and all of row 2
    np.testing.assert_array_equal(grid[1 * (H + 2):1 * (H + 2) + H, 2 * (W + 2):], 0.0)
    np.testing.assert_array_equal(grid[2 * (H + 2):], 0.0)


def test_per_image_normalization(images):
    images[1] *= 0.01  # a much darker image still fills the whole range
    grid = visualize_grid(images, ubound=1.0, padding=1)
    assert grid.min() >= 0.0 and grid.max() <= 1.0
    for i in range(5):
        r, c = divmod(i, 3)
        tile = grid[r * 5:r * 5 + 4, c * 7:c * 7 + 6]
        np.testing.assert_array_equal(tile.shape, (4, 6, 3))
        assert tile.min() == pytest.approx(0.0) and tile.max() == pytest.approx(1.0)
        expected = (images[i] - images[i].min()) / (images[i].max() - images[i].min())
        np.testing.assert_allclose(tile, expected)


def test_whole_batch_normalization(images):
    images[1] *= 0.01
    grid = visualize_grid(images, ubound=255.0, padding=1, per_image=False)
    lo, hi = images.min(), images.max()
    np.testing.assert_allclose(grid[0:4, 7:13], 255.0 * (images[1] - lo) / (hi - lo))
    assert grid[0:4, 7:13].max() < 10  # the dark image stays dark


def test_constant_image_becomes_zeros():
    flat = np.full((2, 3, 3, 3), 77, dtype=np.uint8)
    with np.errstate(all="raise"):  # no division by zero on the way
        grid = visualize_grid(flat)
    assert np.isfinite(grid).all()
    np.testing.assert_array_equal(grid, 0.0)


def test_three_dimensional_input(images):
    gray = images[..., 0]  # (N, H, W)
    grid = visualize_grid(gray, ubound=1.0, padding=1)
    assert grid.shape == (14, 20)
    np.testing.assert_allclose(grid, visualize_grid(images[..., :1], ubound=1.0)[..., 0])


def test_grid_input_checks():
    with pytest.raises(ValueError, match="Xs"):
        visualize_grid(np.zeros((4, 4)))
    with pytest.raises(TypeError, match="Xs"):
        visualize_grid([[[0.0]]])


def test_plot_grid_returns_axes(images, ax):
    assert plot_grid(images, ax=ax, title="weights") is ax
    assert ax.get_title() == "weights"
    assert len(ax.images) == 1
    assert ax.images[0].get_array().shape == (14, 20, 3)
    assert float(np.max(ax.images[0].get_array())) <= 1.0


def test_plot_grid_gray_and_current_axes(images, ax):
    plt.sca(ax)
    assert plot_grid(images[..., 0]) is ax
    assert ax.images[0].get_array().ndim == 2


def test_plot_class_examples(ax):
    X, y, _, _, names = make_synthetic_images(num_train=100, num_test=10, seed=0)
    assert plot_class_examples(X, y, names, samples_per_class=3, ax=ax) is ax
    assert ax.images[0].get_array().shape == (3 * 34, 10 * 34, 3)
    assert [t.get_text() for t in ax.get_xticklabels()] == list(names)


def test_plot_class_examples_with_an_empty_class(ax):
    X = np.zeros((6, 32, 32, 3), dtype=np.uint8)
    y = np.array([0, 0, 1, 1, 2, 2])
    assert plot_class_examples(X, y, ["a", "b", "c", "d"], samples_per_class=2, ax=ax) is ax


def test_plot_cv_results(ax):
    k_choices = [1, 3, 5]
    accuracies = np.array([[0.2, 0.3], [0.25, 0.35], [0.3, 0.3]])
    assert plot_cv_results(k_choices, accuracies, ax=ax, label="L2") is ax
    assert ax.get_xlabel().startswith("k") and ax.get_ylabel()
    assert list(ax.get_xticks()) == k_choices  # one tick per k
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "3", "5"]
    # the mean curve, with the per-fold dots explained in the legend
    line = ax.get_lines()[0]
    np.testing.assert_allclose(line.get_ydata(), [0.25, 0.3, 0.3])
    dots = ax.collections[-1].get_offsets()
    assert len(dots) == 6
    np.testing.assert_allclose(np.sort(np.asarray(dots)[:, 1]), np.sort(accuracies.ravel()))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("L2" in l and "mean" in l for l in labels)
    assert any("L2" in l and "fold" in l for l in labels)
    with pytest.raises(ValueError, match="accuracies"):
        plot_cv_results([1, 3], accuracies, ax=ax)


def test_plot_cv_results_two_settings_share_one_axes(ax):
    k_choices = [1, 10, 100]
    acc = np.array([[0.2, 0.3, 0.25], [0.3, 0.3, 0.3], [0.1, 0.2, 0.15]])
    plot_cv_results(k_choices, acc, ax=ax, label="L2", color="C0", chance=0.1, log_x=True)
    plot_cv_results(k_choices, acc + 0.05, ax=ax, label="L1", color="C1", chance=0.1, log_x=True)
    assert ax.get_xscale() == "log"
    assert list(ax.get_xticks()) == k_choices
    chance = [l for l in ax.get_lines() if l.get_label() == "chance"]
    assert len(chance) == 1 and list(chance[0].get_ydata()) == [0.1, 0.1]  # drawn once
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "chance" in labels and sum("L1" in l for l in labels) == 2
    # each setting's dots have the colour of its mean curve
    colours = [tuple(c.get_facecolor()[0][:3]) for c in ax.collections if len(c.get_offsets()) == 9]
    assert len(set(colours)) == 2


def test_plot_cv_results_without_label_has_no_legend(ax):
    plot_cv_results([1, 2], np.array([[0.5, 0.6], [0.4, 0.5]]), ax=ax)
    assert ax.get_legend() is None
