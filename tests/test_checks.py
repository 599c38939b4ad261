"""Tests for cs231n_utils.checks: every failure names the parameter and what was expected."""
import numpy as np
import pytest

from cs231n_utils import check_array


def test_valid_array_is_returned_unchanged():
    x = np.zeros((2, 3), dtype=np.float32)
    assert check_array(x, "X", ndim=2, shape=(None, 3), kinds="f") is x
    assert check_array(x, "X") is x


def test_non_array_names_parameter_and_fix():
    with pytest.raises(TypeError) as info:
        check_array([[1, 2]], "X_train")
    message = str(info.value)
    assert "X_train" in message and "list" in message and "np.asarray(X_train)" in message


def test_wrong_rank_names_parameter_and_shape():
    with pytest.raises(ValueError) as info:
        check_array(np.zeros((2, 3, 4)), "W", ndim=2)
    message = str(info.value)
    assert "W" in message and "2 dimensions" in message and "(2, 3, 4)" in message


def test_several_allowed_ranks():
    check_array(np.zeros((1, 2, 3)), "Xs", ndim=(3, 4))
    with pytest.raises(ValueError, match=r"3 or 4 dimensions, got shape \(5,\)"):
        check_array(np.zeros(5), "Xs", ndim=(3, 4))


def test_wrong_shape_names_parameter_and_both_shapes():
    with pytest.raises(ValueError) as info:
        check_array(np.zeros((2, 4)), "dout", shape=(None, 3))
    message = str(info.value)
    assert "dout" in message and "(any, 3)" in message and "(2, 4)" in message


def test_shape_with_wrong_number_of_axes():
    with pytest.raises(ValueError, match=r"y must have shape \(10\), got \(10, 1\)"):
        check_array(np.zeros((10, 1)), "y", shape=(10,))


def test_wrong_dtype_kind_names_parameter_and_astype():
    with pytest.raises(TypeError) as info:
        check_array(np.zeros(3), "y", kinds="iu")
    message = str(info.value)
    assert "y" in message and "integer" in message and "float64" in message
    assert "y.astype" in message


def test_bool_is_not_a_number_kind():
    with pytest.raises(TypeError, match="mask"):
        check_array(np.zeros(3, dtype=bool), "mask", kinds="iuf")
    check_array(np.zeros(3, dtype=bool), "mask", kinds="b")
