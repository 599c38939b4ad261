"""Helpers for the CS231n-style course kit: data, gradient checks, plots, test assertions,
and the notebooks' to-do checks (`needs`, `self_check`).

Submodules: `data`, `synthetic`, `checks`, `gradient_check`, `vis`, `testing`, `selfcheck`,
`training` (loss guard and training plots), `solver` (minibatch SGD for networks) and
`fast_layers` (pure-numpy convolution and pooling for training convnets). Nothing a student
implements lives here; the notebooks import from this package.
"""
from .checks import check_array, check_loss_inputs
from .data import (
    CIFAR10_CLASSES, Dataset, find_cifar10_dir, load_cifar10, load_cifar10_batch,
    load_dataset, preprocess_rows, split_data,
)
from .gradient_check import (
    eval_numerical_gradient, eval_numerical_gradient_array, grad_check_sparse, rel_error,
)
from .selfcheck import needs, self_check
from .synthetic import SYNTHETIC_CLASSES, make_synthetic_images
from .solver import Solver
from .testing import assert_close, assert_equal, assert_shape, check_integrity
from .training import LossDivergedError, guard_loss
from .vis import plot_class_examples, plot_cv_results, plot_grid, visualize_grid

__all__ = [
    "check_array", "check_loss_inputs",
    "CIFAR10_CLASSES", "Dataset", "find_cifar10_dir", "load_cifar10", "load_cifar10_batch",
    "load_dataset", "preprocess_rows", "split_data",
    "eval_numerical_gradient", "eval_numerical_gradient_array", "grad_check_sparse", "rel_error",
    "needs", "self_check",
    "SYNTHETIC_CLASSES", "make_synthetic_images",
    "assert_close", "assert_equal", "assert_shape", "check_integrity",
    "Solver", "LossDivergedError", "guard_loss",
    "plot_class_examples", "plot_cv_results", "plot_grid", "visualize_grid",
]
__version__ = "0.1.0"
