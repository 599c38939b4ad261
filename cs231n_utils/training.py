"""Training helpers: a guard that stops on a NaN or infinite loss, and the plots of training.

- `guard_loss(loss_fn)` wraps a loss function `(W, X, y, reg, **kwargs) -> (loss, dW)` so that
  the first non-finite loss or gradient stops training with one clear `LossDivergedError`
  (learning rate too large) instead of filling the loss history and the plots with NaN. The
  wrapper keeps every finite loss it saw in `.losses`, so the curve up to the failure can still
  be drawn.
- `plot_loss_history`, `plot_heatmap` and `plot_templates` draw on a matplotlib Axes
  (`ax=None` uses the current one) and return it; `weights_to_templates` is their pure core for
  linear classifiers' weights.
"""
import numpy as np

from .checks import check_array
from .vis import _axes

__all__ = [
    "LossDivergedError", "guard_loss", "weights_to_templates", "plot_loss_history",
    "plot_heatmap", "plot_templates",
]


class LossDivergedError(FloatingPointError):
    """Training stopped because the loss or its gradient became NaN or infinite."""

    def _render_traceback_(self):  # IPython: the message only, no traceback
        return [f"{type(self).__name__}: {self}"]


class _GuardedLoss:
    """A loss function that raises LossDivergedError on a non-finite loss or gradient."""

    def __init__(self, loss_fn):
        self.loss_fn = loss_fn
        self.losses = []  # every finite loss returned so far, in call order
        self.__name__ = getattr(loss_fn, "__name__", "loss_fn")
        self.__wrapped__ = loss_fn

    def __call__(self, W, X, y, reg, **kwargs):
        # overflow on the way to inf is expected here; the check below reports it once
        with np.errstate(over="ignore", invalid="ignore"):
            loss, dW = self.loss_fn(W, X, y, reg, **kwargs)
        bad_grad = not np.isfinite(np.sum(dW))  # NaN or inf anywhere makes the sum non-finite
        if not np.isfinite(loss) or bad_grad:
            what = f"the loss is {float(loss)}" if not np.isfinite(loss) else \
                "the gradient dW contains NaN or inf values"
            last = f" (the last finite loss was {self.losses[-1]:.4g})" if self.losses else ""
            raise LossDivergedError(
                f"training stopped at iteration {len(self.losses) + 1}: {what}{last}. The "
                f"weights grew without bound: try a learning rate 10x smaller (or a smaller reg)."
            )
        self.losses.append(float(loss))
        return loss, dW


def guard_loss(loss_fn):
    """Wrap `loss_fn` so that training stops with a clear message on a NaN or infinite loss.

    Inputs:
    - loss_fn: function (W, X, y, reg, **kwargs) -> (loss, dW)

    Returns:
    - guarded: a function with the same signature and results; it raises LossDivergedError
      (a FloatingPointError) when the loss is NaN or inf or dW contains NaN or inf, and keeps
      the finite losses seen so far in `guarded.losses`.
    """
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be a function (W, X, y, reg) -> (loss, dW), "
                        f"got {type(loss_fn).__name__}.")
    return _GuardedLoss(loss_fn)


def weights_to_templates(W, image_shape=(32, 32, 3)):
    """The columns of a linear classifier's weights as images, one per class.

    Inputs:
    - W: array of shape (D, C) or (D + 1, C); with D + 1 rows the last one (the bias of the
      bias trick) is dropped. D must equal the product of image_shape.
    - image_shape: (H, W, channels) of one image row

    Returns:
    - templates: array of shape (C, H, W, channels); templates[c] is column c of W
    """
    check_array(W, "W", ndim=2, kinds="iuf")
    D = int(np.prod(image_shape))
    if W.shape[0] == D + 1:
        W = W[:-1]
    elif W.shape[0] != D:
        raise ValueError(f"W has shape {W.shape}: expected {D} rows (or {D + 1} with a bias row) "
                         f"for images of shape {tuple(image_shape)}.")
    return W.T.reshape(W.shape[1], *image_shape)


def plot_loss_history(loss_history, ax=None, label=None, title=None, log=False, smooth=1,
                      steps_per_epoch=None):
    """Draw the loss at each iteration; returns the Axes.

    Inputs:
    - loss_history: sequence of T losses (one per iteration)
    - label: legend label of the curve (a legend is drawn when given)
    - title: title of the Axes
    - log: logarithmic loss axis (for curves spanning orders of magnitude)
    - smooth: window of a running mean drawn over the raw curve (1: the raw curve only)
    - steps_per_epoch: if given, the x axis counts epochs instead of iterations
    """
    losses = check_array(np.asarray(loss_history, dtype=np.float64), "loss_history", ndim=1)
    ax = _axes(ax)
    x = np.arange(1, len(losses) + 1, dtype=np.float64)
    if steps_per_epoch:
        x = x / steps_per_epoch
    if smooth > 1 and len(losses) >= smooth:
        # the raw curve is noisy: draw it faintly, its running mean on top
        line = ax.plot(x, losses, alpha=0.25, linewidth=0.8)[0]
        ax.plot(x[smooth - 1:], np.convolve(losses, np.ones(smooth) / smooth, mode="valid"),
                color=line.get_color(), label=label or f"running mean of {smooth} iterations")
        label = label or True
    else:
        ax.plot(x, losses, label=label, linewidth=1)
    ax.set_xlabel("epoch" if steps_per_epoch else "iteration")
    ax.set_ylabel("loss")
    if log:
        ax.set_yscale("log")
    if title:
        ax.set_title(title)
    if label:
        ax.legend()
    return ax


def plot_heatmap(values, row_labels, col_labels, ax=None, xlabel=None, ylabel=None, title=None,
                 colorbar_label=None, fmt="{:.3f}"):
    """Draw a matrix of values (e.g. validation accuracy per hyperparameter pair); returns the Axes.

    Each cell is coloured by its value (with a colourbar) and annotated with `fmt`; NaN cells
    (settings not run, or that diverged) stay blank.

    Inputs:
    - values: array of shape (R, K)
    - row_labels: R labels of the rows (y axis); col_labels: K labels of the columns (x axis)
    - xlabel, ylabel, title, colorbar_label: axis texts
    - fmt: format string of the annotations
    """
    values = check_array(np.asarray(values, dtype=np.float64), "values", ndim=2,
                         shape=(len(row_labels), len(col_labels)))
    ax = _axes(ax)
    image = ax.imshow(values, cmap="viridis", aspect="auto")
    bar = ax.figure.colorbar(image, ax=ax)
    if colorbar_label:
        bar.set_label(colorbar_label)
    ax.set_xticks(range(len(col_labels)))
    ax.set_xticklabels([str(c) for c in col_labels])
    ax.set_yticks(range(len(row_labels)))
    ax.set_yticklabels([str(r) for r in row_labels])
    finite = values[np.isfinite(values)]
    middle = (finite.min() + finite.max()) / 2 if finite.size else 0.0
    for (r, k), v in np.ndenumerate(values):
        if np.isfinite(v):
            ax.text(k, r, fmt.format(v), ha="center", va="center",
                    color="black" if v > middle else "white")
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax


def plot_templates(W, class_names, ax=None, title=None, image_shape=(32, 32, 3)):
    """Draw each column of W as an image (its own contrast stretch), labelled by class.

    Inputs:
    - W: array of shape (D, C) or (D + 1, C), see weights_to_templates
    - class_names: C names

    Returns the Axes (one image strip, one template per class).
    """
    templates = weights_to_templates(W, image_shape)
    if len(class_names) != len(templates):
        raise ValueError(f"W has {len(templates)} columns but {len(class_names)} class names "
                         f"were given.")
    ax = _axes(ax)
    lo = templates.min(axis=(1, 2, 3), keepdims=True)
    hi = templates.max(axis=(1, 2, 3), keepdims=True)
    scaled = (templates - lo) / np.where(hi > lo, hi - lo, 1.0)
    H, Wd = image_shape[:2]
    strip = np.ones((H, len(templates) * (Wd + 2) - 2, image_shape[2]))
    for c, image in enumerate(scaled):
        strip[:, c * (Wd + 2):c * (Wd + 2) + Wd] = image
    ax.imshow(strip.squeeze())
    ax.set_xticks([c * (Wd + 2) + Wd / 2 for c in range(len(templates))])
    ax.set_xticklabels(class_names, rotation=45)
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    return ax
