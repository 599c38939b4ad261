"""Argument checks shared by every helper, with messages that name the fix.

Each helper validates its inputs with `check_array` so that a wrong shape or dtype fails at
the call that caused it, with the parameter name and the expected shape in the message,
instead of deep inside numpy.
"""
import numpy as np

__all__ = ["check_array"]

_KIND_NAMES = {"i": "integer", "u": "unsigned integer", "f": "floating point", "b": "boolean"}


def check_array(x, name, ndim=None, shape=None, kinds=None):
    """Check that `x` is a numpy array of the expected rank, shape and dtype kind.

    Inputs:
    - x: the value to check
    - name: the parameter name used in error messages, e.g. "X_train"
    - ndim: int or tuple of allowed ranks, or None for any
    - shape: tuple with an int or None per axis (None = any size), or None
    - kinds: string of allowed numpy dtype kinds ("f" float, "i" int, "u" unsigned, "b" bool)

    Returns:
    - x unchanged, so calls can be chained.

    Raises TypeError for a non-array or wrong dtype kind, ValueError for a wrong rank or shape.
    """
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"{name} must be a numpy array, got {type(x).__name__}; "
            f"convert it with np.asarray({name})."
        )
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if x.ndim not in allowed:
            want = " or ".join(str(a) for a in allowed)
            raise ValueError(f"{name} must have {want} dimensions, got shape {x.shape}.")
    if shape is not None:
        bad = len(shape) != x.ndim or any(
            s is not None and s != n for s, n in zip(shape, x.shape)
        )
        if bad:
            want = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
            raise ValueError(f"{name} must have shape {want}, got {x.shape}.")
    if kinds is not None and x.dtype.kind not in kinds:
        want = " or ".join(_KIND_NAMES.get(k, k) for k in kinds)
        raise TypeError(
            f"{name} must have a {want} dtype, got {x.dtype}; "
            f"convert it with {name}.astype(...)."
        )
    return x


def check_loss_inputs(W, X, y):
    """Check the arguments of a linear classifier's loss before any arithmetic on them.

    Inputs:
    - W: float array of shape (D, C), the weights
    - X: float array of shape (N, D), one example per row (no NaN or inf)
    - y: integer array of shape (N,) with labels 0 <= y[i] < C

    Raises TypeError for a non-array or wrong dtype kind, and ValueError, naming the shapes,
    when X and W do not fit together, y does not have one label per row of X, a label is
    outside 0 .. C-1, or X holds NaN or inf.
    """
    check_array(W, "W", ndim=2, kinds="f")
    check_array(X, "X", ndim=2, kinds="f")
    check_array(y, "y", kinds="iu")
    D, C = W.shape
    if X.shape[1] != D:
        hint = (" Did you forget the bias column of ones (preprocess_rows(..., bias=True))?"
                if X.shape[1] + 1 == D else "")
        raise ValueError(f"X has shape {X.shape} and W has shape {W.shape}: X must be (N, D) and "
                         f"W (D, C) with the same D, but X has {X.shape[1]} columns and W "
                         f"{D} rows.{hint}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y has shape {y.shape} but X has shape {X.shape}: y must hold one "
                         f"label per row of X, shape ({X.shape[0]},).")
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must lie in 0 .. {C - 1} (W has shape {W.shape}, so C = {C} "
                         f"classes), got labels from {int(y.min())} to {int(y.max())}.")
    # one pass over X: any NaN or inf makes the sum non-finite
    if X.dtype.kind == "f" and not np.isfinite(np.sum(X)):
        bad = np.argwhere(~np.isfinite(X))
        where = f" (first at row {int(bad[0][0])}, column {int(bad[0][1])})" if len(bad) else ""
        raise ValueError(f"X of shape {X.shape} contains NaN or inf values{where}: check the "
                         f"preprocessing (e.g. a division by zero).")


__all__ = [*__all__, "check_loss_inputs"]
