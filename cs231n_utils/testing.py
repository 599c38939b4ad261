"""Assertions for the notebooks' test cells.

Test cells call these instead of bare `assert` so that a failure says what is wrong in words a
student can act on (which output, expected shape or value, largest difference), and so that
feedback never needs to quote the test's own source. The numpy functions used here are bound
when this module is imported, so rebinding `np.allclose` in a notebook does not weaken them.
"""
import numpy as np

__all__ = ["assert_shape", "assert_close", "assert_equal"]

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
    excess = _abs(actual - expected) - (atol + rtol * _abs(expected))
    if (excess > 0).any():
        worst = _index(_argmax(excess), excess.shape)
        raise AssertionError(
            f"{name} is wrong: at index {worst} got {actual[worst].item()!r}, "
            f"expected {expected[worst].item()!r} ({int((excess > 0).sum())} of {excess.size} "
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
