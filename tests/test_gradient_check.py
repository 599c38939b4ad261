"""Tests for cs231n_utils.gradient_check; the oracle is f(x) = sum(x**2), gradient 2x."""
import numpy as np
import pytest

from cs231n_utils import (
    eval_numerical_gradient, eval_numerical_gradient_array, grad_check_sparse, rel_error,
)


def sum_of_squares(x):
    return np.sum(x**2)


@pytest.fixture
def rng():
    return np.random.default_rng(231)


def test_numerical_gradient_of_sum_of_squares(rng):
    x = rng.standard_normal((3, 4))
    before = x.copy()
    grad = eval_numerical_gradient(sum_of_squares, x)
    assert grad.shape == x.shape
    assert rel_error(grad, 2 * x) < 1e-8
    np.testing.assert_array_equal(x, before)  # restored exactly


def test_numerical_gradient_is_restored_even_for_a_view(rng):
    base = rng.standard_normal((4, 6))
    before = base.copy()
    x = base[:, ::2]  # non-contiguous view into base
    grad = eval_numerical_gradient(sum_of_squares, x)
    assert rel_error(grad, 2 * x) < 1e-8
    np.testing.assert_array_equal(base, before)


def test_numerical_gradient_verbose_prints(rng, capsys):
    x = rng.standard_normal(3)
    eval_numerical_gradient(sum_of_squares, x, verbose=True)
    assert len(capsys.readouterr().out.splitlines()) == 3
    eval_numerical_gradient(sum_of_squares, x)
    assert capsys.readouterr().out == ""


def test_numerical_gradient_array_of_times_three(rng):
    x = rng.standard_normal((2, 3, 4))
    df = rng.standard_normal((2, 3, 4))
    before = x.copy()
    grad = eval_numerical_gradient_array(lambda v: v * 3, x, df)
    assert grad.shape == x.shape
    assert rel_error(grad, 3 * df) < 1e-8
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_array_when_f_returns_its_input(rng):
    """f(x) = x returns the perturbed array itself; its value must be copied, not aliased."""
    x = rng.standard_normal(5)
    df = rng.standard_normal(5)
    grad = eval_numerical_gradient_array(lambda v: v, x, df)
    assert rel_error(grad, df) < 1e-8


def test_numerical_gradient_array_shape_mismatch(rng):
    x = rng.standard_normal(4)
    with pytest.raises(ValueError, match="df"):
        eval_numerical_gradient_array(lambda v: v * 3, x, np.ones(5))


def test_grad_check_sparse_correct_and_wrong_gradients(rng, capsys):
    x = rng.standard_normal((5, 6))
    before = x.copy()
    good = grad_check_sparse(sum_of_squares, x, 2 * x, num_checks=8, verbose=False)
    assert good.shape == (8,)
    assert good.max() < 1e-8
    bad = grad_check_sparse(sum_of_squares, x, 3 * x, num_checks=8, verbose=False)
    assert bad.min() > 0.1  # |2x - 3x| / (|2x| + |3x|) = 0.2
    assert capsys.readouterr().out == ""
    np.testing.assert_array_equal(x, before)


def test_grad_check_sparse_is_seeded_and_verbose(rng, capsys):
    x = rng.standard_normal((5, 6))
    wrong = 2 * x + rng.standard_normal((5, 6))
    a = grad_check_sparse(sum_of_squares, x, wrong, num_checks=5, seed=3)
    b = grad_check_sparse(sum_of_squares, x, wrong, num_checks=5, seed=3)
    np.testing.assert_array_equal(a, b)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10 and all("rel error" in line for line in lines)


def test_grad_check_sparse_shape_mismatch(rng):
    x = rng.standard_normal((5, 6))
    with pytest.raises(ValueError, match="analytic_grad"):
        grad_check_sparse(sum_of_squares, x, np.zeros((6, 5)), verbose=False)


def test_rel_error_values():
    assert rel_error(1.0, 1.0) == 0.0
    assert rel_error(1.0, 3.0) == pytest.approx(0.5)
    assert rel_error(-1.0, 1.0) == pytest.approx(1.0)
    assert rel_error(0.0, 0.0) == 0.0
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 6.0])) == pytest.approx(0.5)
    assert rel_error(np.array([1e-12]), np.array([0.0])) == pytest.approx(1e-4)  # floor of 1e-8
    assert isinstance(rel_error(np.ones(2), np.ones(2)), float)
    assert rel_error(np.ones((2, 3)), np.ones((2, 3)) * (1 + 1e-9)) < 1e-9


def test_rel_error_shape_mismatch():
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(3, 2\)"):
        rel_error(np.ones((2, 3)), np.ones((3, 2)))


@pytest.mark.parametrize("check", ["eval_numerical_gradient", "eval_numerical_gradient_array",
                                   "grad_check_sparse"])
def test_integer_x_raises_type_error_naming_astype(check):
    x = np.arange(6).reshape(2, 3)
    calls = {
        "eval_numerical_gradient": lambda: eval_numerical_gradient(sum_of_squares, x),
        "eval_numerical_gradient_array": lambda: eval_numerical_gradient_array(
            lambda v: v * 3, x, np.ones((2, 3))),
        "grad_check_sparse": lambda: grad_check_sparse(
            sum_of_squares, x, 2.0 * x, verbose=False),
    }
    with pytest.raises(TypeError, match="astype"):
        calls[check]()
    np.testing.assert_array_equal(x, np.arange(6).reshape(2, 3))
