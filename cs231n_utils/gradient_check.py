"""Finite-difference gradient checks.

Convention: centred differences (f(x + h) - f(x - h)) / 2h; `x` is perturbed in place, one
coordinate at a time, and always restored, so the caller's array is unchanged afterwards.
"""
import numpy as np

from .checks import check_array

__all__ = [
    "rel_error",
    "eval_numerical_gradient",
    "eval_numerical_gradient_array",
    "grad_check_sparse",
]


def rel_error(x, y):
    """Largest relative error max(|x - y| / max(1e-8, |x| + |y|)) between two arrays or floats."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.shape != y.shape:
        raise ValueError(f"rel_error needs arrays of the same shape, got {x.shape} and {y.shape}.")
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)), initial=0.0))


def _float_array(x, name):
    check_array(x, name)
    if x.dtype.kind != "f":
        raise TypeError(
            f"{name} must be a float array to be perturbed by h, got {x.dtype}; "
            f"pass {name}.astype(np.float64)."
        )
    return x


def _plus_minus(f, x, ix, h, convert=float):
    """(convert(f(x with x[ix] + h)), convert(f(x with x[ix] - h))); x[ix] is restored."""
    old = x[ix]
    try:
        x[ix] = old + h
        pos = convert(f(x))  # converted (copied) before f runs again
        x[ix] = old - h
        neg = convert(f(x))
    finally:
        x[ix] = old
    return pos, neg


def _array_copy(value):
    return np.array(value, dtype=np.float64, copy=True)


def eval_numerical_gradient(f, x, h=1e-5, verbose=False):
    """Numerical gradient of a scalar function.

    Inputs:
    - f: function of one array argument returning a float
    - x: float array of any shape, the point to evaluate at (perturbed in place, then restored)
    - h: step size
    - verbose: print each coordinate's gradient

    Returns:
    - grad: array of the same shape as x, d f / d x
    """
    _float_array(x, "x")
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        ix = it.multi_index
        fxph, fxmh = _plus_minus(f, x, ix, h)
        grad[ix] = (fxph - fxmh) / (2 * h)
        if verbose:
            print(ix, grad[ix])
    return grad


def eval_numerical_gradient_array(f, x, df, h=1e-5):
    """Numerical gradient of an array-valued function against an upstream gradient.

    Computes d(sum(f(x) * df)) / dx, which is what a layer's backward pass returns as dx
    when it receives dout = df.

    Inputs:
    - f: function of one array argument returning an array
    - x: float array of any shape (perturbed in place, then restored)
    - df: upstream gradient, same shape as f(x)
    - h: step size

    Returns:
    - grad: array of the same shape as x
    """
    _float_array(x, "x")
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        ix = it.multi_index
        pos, neg = _plus_minus(f, x, ix, h, _array_copy)
        if pos.shape != np.shape(df):
            raise ValueError(f"f(x) has shape {pos.shape} but df has shape {np.shape(df)}.")
        grad[ix] = np.sum((pos - neg) * df) / (2 * h)
    return grad


def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0, verbose=True):
    """Compare an analytic gradient with centred differences at a few random coordinates.

    Inputs:
    - f: function of one array argument returning a float
    - x: float array (perturbed in place, then restored)
    - analytic_grad: array of the same shape as x
    - num_checks: how many coordinates to check
    - h: step size
    - seed: seed of the generator that picks the coordinates
    - verbose: print one aligned line per coordinate

    Returns:
    - errors: array of shape (num_checks,), the relative error at each checked coordinate
    """
    _float_array(x, "x")
    check_array(analytic_grad, "analytic_grad", shape=x.shape)
    rng = np.random.default_rng(seed)
    errors = np.empty(num_checks)
    for i in range(num_checks):
        ix = tuple(int(rng.integers(n)) for n in x.shape)
        fxph, fxmh = _plus_minus(f, x, ix, h)
        numeric = (fxph - fxmh) / (2 * h)
        analytic = float(analytic_grad[ix])
        errors[i] = rel_error(numeric, analytic)
        if verbose:
            print(f"numerical {numeric: .6e}  analytic {analytic: .6e}  rel error {errors[i]:.2e}")
    return errors
