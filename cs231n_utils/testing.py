"""Assertions for the notebooks' test cells.

Test cells call these instead of bare `assert` so that a failure says what is wrong in words a
student can act on (which output, expected shape or value, largest difference), and so that
feedback never needs to quote the test's own source. The numpy functions used here are bound
when this module is imported, so rebinding `np.allclose` in a notebook does not weaken them,
and `check_integrity` (first line of every test cell) reports the common run-time patches:
numpy or builtin functions replaced, these helpers rebound or edited.
"""
import builtins
import sys

import numpy as np

__all__ = ["assert_shape", "assert_close", "assert_equal", "check_integrity"]

_asarray, _abs, _isfinite = np.asarray, np.abs, np.isfinite
_argmax, _unravel, _array_equal = np.argmax, np.unravel_index, np.array_equal


def _index(flat, shape):
    """Plain-int index tuple of a flat position (prints as (2, 3), not numpy scalars)."""
    return tuple(int(i) for i in _unravel(flat, shape)) if shape else ()


def assert_shape(actual, shape, name="output"):
    """Fail unless `actual` is an array-like of exactly `shape`."""
    got = getattr(actual, "shape", None)
    if got is None:
        raise AssertionError(f"{name} should be a numpy array of shape {shape}, "
                             f"got {type(actual).__name__}.")
    if tuple(got) != tuple(shape):
        raise AssertionError(f"{name} has shape {tuple(got)}, expected {tuple(shape)}.")


def assert_close(actual, expected, name="output", rtol=1e-6, atol=1e-8):
    """Fail unless `actual` has the shape of `expected` and all values agree within tolerance.

    The test is |actual - expected| <= atol + rtol * |expected| element-wise.
    """
    expected = _asarray(expected, dtype=np.float64)
    assert_shape(_asarray(actual), expected.shape, name)
    actual = _asarray(actual, dtype=np.float64)
    if not _isfinite(actual).all():
        raise AssertionError(f"{name} contains NaN or inf values.")
    with np.errstate(invalid="ignore"):
        excess = _abs(actual - expected) - (atol + rtol * _abs(expected))
    bad = ~(excess <= 0)  # NaN (from NaN or inf in expected) is a mismatch, not a pass
    if bad.any():
        worst = _index(_argmax(excess), excess.shape)
        raise AssertionError(
            f"{name} is wrong: at index {worst} got {actual[worst].item()!r}, "
            f"expected {expected[worst].item()!r} ({int(bad.sum())} of {excess.size} "
            f"values differ)."
        )


def assert_equal(actual, expected, name="output"):
    """Fail unless `actual` has the shape of `expected` and equal values (for labels, counts)."""
    expected = _asarray(expected)
    assert_shape(_asarray(actual), expected.shape, name)
    actual = _asarray(actual)
    if not _array_equal(actual, expected):
        diff = actual != expected
        first = _index(_argmax(diff), diff.shape)
        raise AssertionError(
            f"{name} is wrong: at index {first} got {actual[first].item()!r}, expected "
            f"{expected[first].item()!r} ({int(diff.sum())} of {diff.size} values differ)."
        )


# what the tests rely on, as it was when this module was imported
_NUMPY = {
    name: getattr(np, name) for name in (
        "allclose", "isclose", "array_equal", "array_equiv", "asarray", "array", "abs",
        "absolute", "sum", "sqrt", "mean", "max", "min", "maximum", "minimum", "argsort",
        "argmax", "argmin", "sort", "all", "any", "where", "clip", "isfinite", "zeros",
        "ones", "arange", "linspace", "bincount", "unravel_index", "float64", "int64", "uint8",
    )
}
_NUMPY_SUB = {
    "testing.assert_allclose": np.testing.assert_allclose,
    "testing.assert_array_equal": np.testing.assert_array_equal,
    "testing.assert_equal": np.testing.assert_equal,
    "linalg.norm": np.linalg.norm,
    "random.default_rng": np.random.default_rng,
}
_BUILTINS = {name: getattr(builtins, name) for name in (
    "AssertionError", "Exception", "isinstance", "len", "abs", "range", "float", "int",
    "all", "any", "sum", "max", "min", "print", "type", "tuple", "list", "zip",
)}
_HELPERS = {fn.__name__: (fn, fn.__code__) for fn in (assert_shape, assert_close, assert_equal)}


def check_integrity(namespace=None):
    """Fail if what the tests rely on was replaced while the notebook ran.

    Checks numpy's comparison and arithmetic functions, the builtins the tests use, these
    assertion helpers (rebound in `namespace`, e.g. the notebook's `globals()`, replaced in
    this module, or with edited code) and that `np` is numpy.

    Inputs:
    - namespace: dict of the notebook's global names, or None to skip those checks
    """
    problems = []
    if sys.modules.get("numpy") is not np:
        problems.append("the numpy module was replaced")
    for name, fn in _NUMPY.items():
        if getattr(np, name, None) is not fn:
            problems.append(f"np.{name} was replaced")
    for path, fn in _NUMPY_SUB.items():
        mod, _, attr = path.partition(".")
        if getattr(getattr(np, mod), attr, None) is not fn:
            problems.append(f"np.{path} was replaced")
    for name, obj in _BUILTINS.items():
        if getattr(builtins, name) is not obj:
            problems.append(f"the builtin {name} was replaced")
    module = globals()
    for name, (fn, code) in _HELPERS.items():
        if module.get(name) is not fn or fn.__code__ is not code:
            problems.append(f"cs231n_utils.testing.{name} was replaced")
    if namespace is not None:
        if "np" in namespace and namespace["np"] is not np:
            problems.append("the name np no longer refers to numpy")
        for name, (fn, _) in _HELPERS.items():
            if name in namespace and namespace[name] is not fn:
                problems.append(f"{name} was redefined in the notebook")
        for name in _BUILTINS:
            if name in namespace:
                problems.append(f"the notebook defines a variable named {name}, hiding the builtin")
    if problems:
        raise AssertionError(
            "These tests cannot be trusted because " + "; ".join(problems) + ". Remove the code "
            "that does this, restart the kernel and run the notebook again."
        )


_HELPERS["check_integrity"] = (check_integrity, check_integrity.__code__)
