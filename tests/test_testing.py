"""Tests for cs231n_utils.testing, the assertions used in the notebooks' graded cells."""
import numpy as np
import pytest

from cs231n_utils import assert_close, assert_equal, assert_shape


def test_assert_shape_passes_and_names_output():
    assert_shape(np.zeros((2, 3)), (2, 3))
    with pytest.raises(AssertionError) as info:
        assert_shape(np.zeros((2, 3)), (3, 2), name="dW")
    message = str(info.value)
    assert "dW" in message and "(2, 3)" in message and "(3, 2)" in message


def test_assert_shape_on_a_non_array():
    with pytest.raises(AssertionError, match=r"scores should be a numpy array of shape \(4,\)"):
        assert_shape([1, 2, 3, 4], (4,), name="scores")
    with pytest.raises(AssertionError, match="NoneType"):
        assert_shape(None, (4,), name="scores")


def test_assert_close_within_tolerance():
    expected = np.array([[1.0, -2.0], [3.0, 0.0]])
    assert_close(expected * (1 + 1e-7), expected)
    assert_close(expected + 5e-9, expected)  # atol covers the zero entry
    assert_close(expected + 1e-3, expected, rtol=0, atol=2e-3)
    assert_close([[1.0, -2.0], [3.0, 0.0]], expected)  # lists are fine too
    assert_close(2.0, 2.0)


def test_assert_close_reports_worst_index():
    expected = np.zeros((3, 4))
    actual = expected.copy()
    actual[1, 2] = 0.5
    actual[2, 3] = 0.1
    with pytest.raises(AssertionError) as info:
        assert_close(actual, expected, name="dx")
    message = str(info.value)
    assert "dx" in message and "(1, 2)" in message and "0.5" in message
    assert "2 of 12" in message


def test_assert_close_fails_just_outside_tolerance():
    with pytest.raises(AssertionError):
        assert_close(np.array([1.0 + 1e-5]), np.array([1.0]))
    with pytest.raises(AssertionError, match="loss"):
        assert_close(2.31, 2.30, name="loss")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_assert_close_fails_on_nan_and_inf(bad):
    actual = np.array([1.0, bad, 3.0])
    with pytest.raises(AssertionError, match="out contains NaN or inf"):
        assert_close(actual, np.array([1.0, 2.0, 3.0]), name="out")


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_assert_close_never_passes_against_nan_or_inf_expected(bad, recwarn):
    """A broken reference value must not let any answer through."""
    with pytest.raises(AssertionError, match=r"at index \(1,\)"):
        assert_close(np.array([1.0, 5.0]), np.array([1.0, bad]))
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_assert_close_fails_on_wrong_shape():
    with pytest.raises(AssertionError) as info:
        assert_close(np.zeros((3, 2)), np.zeros((2, 3)), name="scores")
    message = str(info.value)
    assert "scores" in message and "(3, 2)" in message and "(2, 3)" in message
    with pytest.raises(AssertionError, match="shape"):
        assert_close(np.zeros(6), np.zeros((6, 1)))  # would broadcast, still wrong


def test_assert_equal():
    assert_equal(np.array([1, 2, 3]), [1, 2, 3])
    assert_equal(np.array([1.0, 2.0]), np.array([1, 2]))
    with pytest.raises(AssertionError) as info:
        assert_equal(np.array([1, 2, 3, 9]), np.array([1, 2, 3, 4]), name="y_pred")
    message = str(info.value)
    assert "y_pred" in message and "(3,)" in message and "1 of 4" in message
    with pytest.raises(AssertionError, match="shape"):
        assert_equal(np.array([1, 2]), np.array([[1, 2]]))


def test_assert_equal_scalar():
    assert_equal(7, 7)
    with pytest.raises(AssertionError, match="count"):
        assert_equal(6, 7, name="count")


def test_rebinding_numpy_does_not_weaken_the_assertions(monkeypatch):
    """A notebook that rebinds np.allclose or np.array_equal must not make wrong answers pass."""
    always = lambda *args, **kwargs: True  # noqa: E731
    monkeypatch.setattr(np, "allclose", always)
    monkeypatch.setattr(np, "array_equal", always)
    monkeypatch.setattr(np, "isclose", lambda a, b, *args, **kwargs: np.ones(np.shape(a), bool))
    monkeypatch.setattr(np.testing, "assert_allclose", lambda *args, **kwargs: None)
    with pytest.raises(AssertionError):
        assert_close(np.array([1.0, 2.0]), np.array([1.0, 3.0]))
    with pytest.raises(AssertionError):
        assert_equal(np.array([1, 2]), np.array([1, 3]))
    assert_close(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    assert_equal(np.array([1, 2]), np.array([1, 2]))


def test_assert_close_names_the_matching_mistake():
    W = np.arange(6.0).reshape(2, 3)
    dW_ok = np.ones((2, 3))
    mistakes = {"the regularization gradient is missing": dW_ok - 2 * 0.5 * W,
                "dW is twice the numerical gradient": 2 * dW_ok}
    with pytest.raises(AssertionError, match="Likely mistake: dW is twice the numerical gradient"):
        assert_close(2 * dW_ok, dW_ok, "dW", mistakes=mistakes)
    with pytest.raises(AssertionError) as info:
        assert_close(dW_ok + 0.3, dW_ok, "dW", mistakes=mistakes)
    assert "Likely mistake" not in str(info.value), "no diagnosis when nothing matches"
    assert_close(dW_ok, dW_ok, "dW", mistakes=mistakes)  # right answers pass, whatever is listed


def test_assert_shape_and_equal_name_the_matching_mistake():
    with pytest.raises(AssertionError, match=r"db has shape \(4,\), expected \(3,\)\. "
                                             r"Likely mistake: summed over the wrong axis"):
        assert_shape(np.zeros(4), (3,), "db", mistakes={(4,): "summed over the wrong axis"})
    with pytest.raises(AssertionError, match="Likely mistake: returned scores, not labels"):
        assert_equal(np.array([2, 0]), np.array([1, 0]), "y_pred",
                     mistakes={"returned scores, not labels": np.array([2.0, 0.0])})


def test_likely_mistake_ignores_mistakes_of_another_shape():
    from cs231n_utils.testing import likely_mistake

    assert likely_mistake(np.zeros(3), {"a": np.zeros(4), "b": "text", "c": np.zeros(3)}) == "c"
    assert likely_mistake(np.zeros(3), {}) is None


def test_check_integrity_accepts_harmless_shadowing():
    from cs231n_utils.testing import check_integrity
    import builtins

    scratch = {"np": np, "sum": 0, "max": 3, "abs": None, "list": [1], "range": builtins.range}
    exec("from numpy import *", scratch)
    check_integrity(scratch)  # no error
    with pytest.raises(AssertionError, match=r"a variable named len hides Python's len\(\)"):
        check_integrity({"len": 5})


def test_assert_not_delegated_finds_direct_indirect_and_dynamic_use():
    import cs231n_utils.fast_layers as fl
    from cs231n_utils.testing import assert_not_delegated

    x = np.zeros((1, 1, 4, 4))
    pool = {"pool_height": 2, "pool_width": 2, "stride": 2}

    def own(x):
        return x[:, :, ::2, ::2]

    def direct(x):
        return fl.max_pool_forward_fast(x, pool)[0]

    def helper(x):
        return fl.max_pool_forward_fast(x, pool)[0]

    def indirect(x):
        return helper(x)

    def dynamic(x):  # no name refers to the module: only the call with refusing stand-ins sees it
        import importlib
        return getattr(importlib.import_module("cs231n_utils.fast" + "_layers"), "max_pool_forward_fast")(x, pool)

    assert_not_delegated(own, fl, lambda: own(x))
    for fn in (direct, indirect, dynamic):
        with pytest.raises(AssertionError, match=f"{fn.__name__} uses the provided cs231n_utils.fast_layers"):
            assert_not_delegated(fn, fl, lambda: fn(x))
    assert fl.max_pool_forward_fast.__module__ == "cs231n_utils.fast_layers", "originals restored"
