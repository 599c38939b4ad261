"""Assertions for the notebooks' test cells.

Test cells call these instead of bare `assert` so that a failure says what is wrong in words a
student can act on (which output, expected shape or value, largest difference), and so that
feedback never needs to quote the test's own source. Each assertion takes `mistakes`: wrong
results computed inside the test from the known student mistakes (or, for shapes, the shapes
those mistakes give); when the answer fails and matches one, the message names the mistake.

The numpy functions used here are bound when this module is imported, so rebinding
`np.allclose` in a notebook does not weaken them, and `check_integrity` (first line of every
test cell) reports the common run-time patches: numpy or builtin functions replaced, these
helpers rebound or edited. Harmless names are not tampering: test cells use only the builtins
in `TEST_BUILTINS` (a notebook's scratch `sum = 0` or `from numpy import *` cannot touch them).
"""
import builtins
import sys
import types

import numpy as np

__all__ = [
    "assert_shape", "assert_close", "assert_equal", "likely_mistake", "assert_not_delegated",
    "check_integrity", "TEST_BUILTINS",
]

_asarray, _abs, _isfinite = np.asarray, np.abs, np.isfinite
_argmax, _unravel, _array_equal = np.argmax, np.unravel_index, np.array_equal


def _index(flat, shape):
    """Plain-int index tuple of a flat position (prints as (2, 3), not numpy scalars)."""
    return tuple(int(i) for i in _unravel(flat, shape)) if shape else ()


def _close(actual, expected, rtol, atol):
    """True when `actual` has the shape of `expected` and all values agree within tolerance."""
    actual, expected = _asarray(actual), _asarray(expected)
    if actual.shape != expected.shape or actual.dtype.kind not in "biuf":
        return False
    with np.errstate(invalid="ignore", over="ignore"):
        diff = _abs(actual.astype(np.float64) - expected.astype(np.float64))
        return bool((diff <= atol + rtol * _abs(expected.astype(np.float64))).all())


def likely_mistake(actual, mistakes, rtol=1e-6, atol=1e-8):
    """The description of the first known mistake whose result `actual` matches, else None.

    Inputs:
    - actual: the submitted result
    - mistakes: dict {description: the result that mistake gives}, computed independently
    - rtol, atol: the tolerance of the comparison (as in assert_close)
    """
    for description, wrong in (mistakes or {}).items():
        try:
            if _close(actual, wrong, rtol, atol):
                return description
        except (TypeError, ValueError):
            continue
    return None


def _with_mistake(message, description):
    return message if description is None else f"{message} Likely mistake: {description}."


def assert_shape(actual, shape, name="output", mistakes=None):
    """Fail unless `actual` is an array-like of exactly `shape`.

    - mistakes: optional dict {wrong shape: description}, e.g. {(N,): "db summed over the
      wrong axis"}; a matching wrong shape is named in the message.
    """
    got = getattr(actual, "shape", None)
    if got is None:
        raise AssertionError(f"{name} should be a numpy array of shape {tuple(shape)}, "
                             f"got {type(actual).__name__}.")
    if tuple(got) != tuple(shape):
        hint = {tuple(k): v for k, v in (mistakes or {}).items()}.get(tuple(got))
        raise AssertionError(_with_mistake(
            f"{name} has shape {tuple(got)}, expected {tuple(shape)}.", hint))


def assert_close(actual, expected, name="output", rtol=1e-6, atol=1e-8, mistakes=None):
    """Fail unless `actual` has the shape of `expected` and all values agree within tolerance.

    The test is |actual - expected| <= atol + rtol * |expected| element-wise.
    - mistakes: optional dict {description: wrong result}; when `actual` fails and matches
      one of them within the same tolerance, the message names that mistake.
    """
    expected = _asarray(expected, dtype=np.float64)
    assert_shape(_asarray(actual), expected.shape, name)
    actual = _asarray(actual, dtype=np.float64)
    hint = likely_mistake(actual, mistakes, rtol, atol) if mistakes else None
    if not _isfinite(actual).all():
        raise AssertionError(_with_mistake(f"{name} contains NaN or inf values.", hint))
    with np.errstate(invalid="ignore"):
        excess = _abs(actual - expected) - (atol + rtol * _abs(expected))
    bad = ~(excess <= 0)  # NaN (from NaN or inf in expected) is a mismatch, not a pass
    if bad.any():
        worst = _index(_argmax(excess), excess.shape)
        raise AssertionError(_with_mistake(
            f"{name} is wrong: at index {worst} got {actual[worst].item()!r}, "
            f"expected {expected[worst].item()!r} ({int(bad.sum())} of {excess.size} "
            f"values differ).", hint))


def assert_equal(actual, expected, name="output", mistakes=None):
    """Fail unless `actual` has the shape of `expected` and equal values (for labels, counts).

    - mistakes: optional dict {description: wrong result}, named in the message on a match.
    """
    expected = _asarray(expected)
    assert_shape(_asarray(actual), expected.shape, name)
    actual = _asarray(actual)
    if not _array_equal(actual, expected):
        diff = actual != expected
        first = _index(_argmax(diff), diff.shape)
        hint = likely_mistake(actual, mistakes, 0.0, 0.0) if mistakes else None
        raise AssertionError(_with_mistake(
            f"{name} is wrong: at index {first} got {actual[first].item()!r}, expected "
            f"{expected[first].item()!r} ({int(diff.sum())} of {diff.size} values differ).", hint))


def assert_not_delegated(fn, module, call, name=None):
    """Fail if `fn` uses the public functions of `module` instead of its own code.

    For layers students write by hand next to provided fast versions. Two ways to notice:
    the names `fn` (and the functions it calls, found through their globals) refer to the
    module or one of its `__all__` functions; and `call()` (which runs `fn` on a small input)
    while every such function is replaced by one that fails.

    Inputs:
    - fn: the submitted function
    - module: the module of provided functions, e.g. cs231n_utils.fast_layers
    - call: function of no arguments that calls fn
    - name: what to call fn in the message (default fn.__name__)
    """
    name = name or getattr(fn, "__name__", "the function")
    message = (f"{name} uses the provided {module.__name__}: write it out here with loops "
               f"and numpy, not by calling those functions.")
    public = {id(module.__dict__[n]) for n in module.__all__}
    short = module.__name__.rpartition(".")[2]
    todo, seen = [(fn.__code__, fn.__globals__)], set()
    while todo and len(seen) < 500:
        code, namespace = todo.pop()
        if code in seen:
            continue
        seen.add(code)
        for ref in code.co_names:
            obj = namespace.get(ref)
            if ref == short or obj is module or id(obj) in public:
                raise AssertionError(message)
            if isinstance(obj, types.FunctionType):
                todo.append((obj.__code__, obj.__globals__))
        todo.extend((c, namespace) for c in code.co_consts if isinstance(c, types.CodeType))

    def refuse(*args, **kwargs):
        raise AssertionError(message)

    saved = {n: module.__dict__[n] for n in module.__all__}
    try:
        for n in saved:
            setattr(module, n, refuse)
        call()
    finally:
        for n, f in saved.items():
            setattr(module, n, f)


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
# The only builtins test cells may use (tests/test_notebooks.py enforces it). Rebinding one of
# these breaks ordinary Python code too, so it is reported; every other builtin name (sum, max,
# abs, list, ...) a notebook may shadow freely: no test depends on it.
TEST_BUILTINS = ("print", "len", "isinstance", "range", "enumerate", "zip", "float", "int",
                 "tuple", "repr", "globals")
_BUILTINS = {name: getattr(builtins, name) for name in TEST_BUILTINS + (
    "AssertionError", "Exception", "ValueError", "TypeError", "NotImplementedError",
    "abs", "all", "any", "sum", "max", "min", "type", "list",
)}
_HELPERS = {fn.__name__: (fn, fn.__code__) for fn in (
    assert_shape, assert_close, assert_equal, likely_mistake, assert_not_delegated, _close)}


def check_integrity(namespace=None):
    """Fail if what the tests rely on was replaced while the notebook ran.

    Checks numpy's comparison and arithmetic functions, the builtins module, these assertion
    helpers (rebound in `namespace`, e.g. the notebook's `globals()`, replaced in this module,
    or with edited code), that `np` is numpy and that no global hides one of `TEST_BUILTINS`.
    Globals that shadow other builtins (`sum = 0`, `from numpy import *`) are fine.

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
        for name in TEST_BUILTINS:
            if name in namespace and namespace[name] is not _BUILTINS[name]:
                problems.append(f"a variable named {name} hides Python's {name}() (rename it)")
    if problems:
        raise AssertionError(
            "These tests cannot be trusted because " + "; ".join(problems) + ". Remove the code "
            "that does this, restart the kernel and run the notebook again."
        )


_HELPERS["check_integrity"] = (check_integrity, check_integrity.__code__)
