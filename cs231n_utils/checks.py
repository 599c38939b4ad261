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
