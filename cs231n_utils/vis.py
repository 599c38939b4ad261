"""Image grids and example plots.

`visualize_grid` is the pure core (arrays in, an array out, no matplotlib); the `plot_*`
helpers draw on a matplotlib Axes (`ax=None` uses the current one) and return it.
"""
import numpy as np

from .checks import check_array

__all__ = ["visualize_grid", "plot_grid", "plot_class_examples", "plot_cv_results"]


def visualize_grid(Xs, ubound=255.0, padding=1, per_image=True):
    """Tile images into one grid image.

    Normalization: each image is rescaled linearly so that its own minimum maps to 0 and its
    maximum to `ubound` (`per_image=False` uses the minimum and maximum of the whole batch
    instead). A constant image becomes all zeros. Padding pixels are 0.

    Inputs:
    - Xs: array of shape (N, H, W, C) or (N, H, W)
    - ubound: the output range is [0, ubound]
    - padding: pixels between neighbouring images

    Returns:
    - grid: float array of shape (G*(H+padding) - padding, G*(W+padding) - padding, C)
      with G = ceil(sqrt(N)); (…, …) without a channel axis for 3-d input.
    """
    check_array(Xs, "Xs", ndim=(3, 4), kinds="iuf")
    squeeze = Xs.ndim == 3
    X = Xs[..., None] if squeeze else Xs
    X = X.astype(np.float64)
    N, H, W, C = X.shape
    if per_image:
        lo = X.min(axis=(1, 2, 3), keepdims=True)
        hi = X.max(axis=(1, 2, 3), keepdims=True)
    else:
        lo, hi = X.min(), X.max()
    span = np.where(hi > lo, hi - lo, 1.0)
    X = ubound * (X - lo) / span
    G = int(np.ceil(np.sqrt(N)))
    grid = np.zeros((G * (H + padding) - padding, G * (W + padding) - padding, C))
    for i in range(N):
        r, c = divmod(i, G)
        y0, x0 = r * (H + padding), c * (W + padding)
        grid[y0:y0 + H, x0:x0 + W] = X[i]
    return grid[..., 0] if squeeze else grid


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        ax = plt.gca()
    return ax


def plot_grid(Xs, ax=None, title=None, **kwargs):
    """Draw `visualize_grid(Xs, **kwargs)` on `ax` without ticks; returns the Axes."""
    ax = _axes(ax)
    grid = visualize_grid(Xs, **kwargs)
    ubound = kwargs.get("ubound", 255.0)
    if grid.ndim == 2:
        ax.imshow(grid, cmap="gray", vmin=0, vmax=ubound)
    else:
        ax.imshow(grid / ubound)
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


def plot_class_examples(X, y, class_names, samples_per_class=7, seed=231, ax=None):
    """Draw a few random examples of each class, one column per class; returns the Axes.

    Inputs:
    - X: uint8 array of shape (N, H, W, 3); y: int array of shape (N,)
    - class_names: sequence of C names
    - samples_per_class: rows of the figure
    - seed: seed of the generator that picks the examples
    """
    check_array(X, "X", ndim=4, kinds="iuf")
    check_array(y, "y", ndim=1, shape=(len(X),), kinds="iu")
    ax = _axes(ax)
    rng = np.random.default_rng(seed)
    C, (H, W) = len(class_names), X.shape[1:3]
    canvas = np.ones((samples_per_class * (H + 2), C * (W + 2), 3))
    for c in range(C):
        idx = np.flatnonzero(y == c)
        pick = rng.choice(idx, min(samples_per_class, len(idx)), replace=False)
        for r, i in enumerate(pick):
            canvas[r * (H + 2):r * (H + 2) + H, c * (W + 2):c * (W + 2) + W] = X[i] / 255.0
    ax.imshow(canvas)
    ax.set_xticks([c * (W + 2) + W / 2 for c in range(C)])
    ax.set_xticklabels(class_names, rotation=45)
    ax.set_yticks([])
    return ax


def plot_cv_results(k_choices, accuracies, ax=None, label=None, color=None, chance=None,
                    log_x=False):
    """Draw each fold's accuracy per k as dots and the mean over folds with std error bars.

    Call it once per setting (e.g. per metric) on the same Axes to compare them: each call
    uses one colour for its dots and its mean curve. The x ticks are the k values.

    Inputs:
    - k_choices: sequence of K values of k
    - accuracies: array of shape (K, num_folds); accuracies[a, i] is the accuracy on fold i
      with k = k_choices[a]
    - label: name of the setting in the legend (e.g. "L2"); None draws no legend entries
    - color: matplotlib colour of this setting (None: the next colour of the cycle)
    - chance: accuracy of guessing (e.g. 0.1 for 10 classes), drawn as a dashed line
    - log_x: logarithmic k axis (for k values spread over orders of magnitude)

    Returns the Axes.
    """
    acc = check_array(np.asarray(accuracies, dtype=np.float64), "accuracies", ndim=2,
                      shape=(len(k_choices), None))
    ax = _axes(ax)
    k = np.asarray(k_choices)
    mean, std = acc.mean(axis=1), acc.std(axis=1)
    name = f"{label}: " if label else ""
    bars = ax.errorbar(k, mean, yerr=std, marker="o", capsize=3, color=color,
                       label=f"{name}mean over folds, bars = ±1 std" if label else None)
    color = bars.lines[0].get_color()
    folds = np.repeat(k, acc.shape[1])
    ax.scatter(folds, acc.ravel(), s=12, color=color, alpha=0.35,
               label=f"{name}one fold" if label else None)
    if chance is not None and not any(l.get_label() == "chance" for l in ax.get_lines()):
        ax.axhline(chance, color="gray", linestyle="--", linewidth=1, label="chance")
    if log_x:
        ax.set_xscale("log")
    ax.set_xticks(k)
    ax.set_xticklabels([str(v) for v in k])
    ax.minorticks_off()
    ax.set_xlabel("k (number of neighbours)")
    ax.set_ylabel("validation accuracy")
    if label or chance is not None:
        ax.legend()
    return ax
