"""Tests for cs231n_utils.synthetic, the offline default dataset."""
import numpy as np
import pytest

from cs231n_utils import SYNTHETIC_CLASSES, make_synthetic_images


@pytest.fixture(scope="module")
def small():
    return make_synthetic_images(num_train=1000, num_test=200, seed=0)


def test_shapes_and_dtypes(small):
    X_train, y_train, X_test, y_test, names = small
    assert X_train.shape == (1000, 32, 32, 3) and X_train.dtype == np.uint8
    assert X_test.shape == (200, 32, 32, 3) and X_test.dtype == np.uint8
    assert y_train.shape == (1000,) and y_train.dtype == np.int64
    assert y_test.shape == (200,) and y_test.dtype == np.int64
    assert names == SYNTHETIC_CLASSES and len(names) == 10
    assert y_train.min() >= 0 and y_train.max() <= 9


def test_same_seed_same_arrays(small):
    again = make_synthetic_images(num_train=1000, num_test=200, seed=0)
    for a, b in zip(small[:4], again[:4]):
        np.testing.assert_array_equal(a, b)


def test_different_seeds_differ(small):
    other = make_synthetic_images(num_train=1000, num_test=200, seed=1)
    assert not np.array_equal(small[0], other[0])
    assert not np.array_equal(small[1], other[1])


def test_classes_are_balanced():
    X_train, y_train, X_test, y_test, _ = make_synthetic_images(num_train=300, num_test=100)
    both = np.concatenate([y_train, y_test])
    np.testing.assert_array_equal(np.bincount(both, minlength=10), np.full(10, 40))
    # each split is shuffled, so every class shows up in both
    assert set(np.unique(y_train)) == set(range(10))
    assert set(np.unique(y_test)) == set(range(10))


def test_images_use_the_pixel_range(small):
    X_train = small[0]
    assert X_train.min() < 30 and X_train.max() > 225
    assert X_train.reshape(len(X_train), -1).std(axis=1).min() > 0  # no blank images


def test_one_nearest_neighbour_is_above_chance_but_not_perfect(small):
    X_train, y_train, X_test, y_test, _ = small
    a = X_train.reshape(len(X_train), -1).astype(np.float64)
    b = X_test.reshape(len(X_test), -1).astype(np.float64)
    dists = (b**2).sum(axis=1)[:, None] - 2 * b @ a.T + (a**2).sum(axis=1)  # (200, 1000)
    accuracy = np.mean(y_train[dists.argmin(axis=1)] == y_test)
    assert 0.3 < accuracy < 0.95, f"1-NN accuracy {accuracy:.3f}"
