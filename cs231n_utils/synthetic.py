"""A small built-in 10-class image dataset, used when CIFAR-10 is not on disk.

Every image is 32x32x3 uint8 like CIFAR-10: a class-specific shape (disc, square, ring, ...)
drawn in a random colour at a random position and size on a random background, plus pixel
noise. The same seed always gives the same arrays, and nothing is downloaded. Raw-pixel kNN
reaches well above chance but far from perfect on it, so the notebooks' plots stay meaningful;
the numbers are not CIFAR-10 numbers and the notebooks say which dataset they used.
"""
import numpy as np

__all__ = ["SYNTHETIC_CLASSES", "make_synthetic_images"]

SYNTHETIC_CLASSES = (
    "disc", "square", "ring", "cross", "triangle",
    "h-stripes", "v-stripes", "checker", "diagonal", "frame",
)


def _masks(label, yy, xx, cy, cx, r):
    """Boolean foreground masks, shape (N, 32, 32), for one class; cy, cx, r have shape (N, 1, 1)."""
    dy, dx = yy - cy, xx - cx
    if label == 0:  # disc
        return dy**2 + dx**2 <= r**2
    if label == 1:  # square
        return (np.abs(dy) <= r * 0.8) & (np.abs(dx) <= r * 0.8)
    if label == 2:  # ring
        d2 = dy**2 + dx**2
        return (d2 <= r**2) & (d2 >= (0.6 * r) ** 2)
    if label == 3:  # cross
        w = np.maximum(r / 3.5, 1.0)
        return ((np.abs(dy) <= w) & (np.abs(dx) <= r)) | ((np.abs(dx) <= w) & (np.abs(dy) <= r))
    if label == 4:  # triangle pointing up
        return (dy <= r * 0.7) & (dy >= -r) & (np.abs(dx) <= (dy + r) * 0.6)
    if label == 5:  # horizontal stripes, period depends on r
        return ((yy // np.maximum(r // 3, 2)) % 2) == 0
    if label == 6:  # vertical stripes
        return ((xx // np.maximum(r // 3, 2)) % 2) == 0
    if label == 7:  # checkerboard
        p = np.maximum(r // 3, 2)
        return ((yy // p + xx // p) % 2) == 0
    if label == 8:  # diagonal band
        return np.abs(dy - dx) <= r / 2.5
    # frame: hollow square
    inside = (np.abs(dy) <= r) & (np.abs(dx) <= r)
    return inside & ~((np.abs(dy) <= 0.6 * r) & (np.abs(dx) <= 0.6 * r))


def make_synthetic_images(num_train=5000, num_test=1000, seed=0):
    """Generate the offline default dataset.

    Inputs:
    - num_train, num_test: number of images in each split (classes are balanced up to rounding)
    - seed: seed of the generator; the same seed always gives the same arrays

    Returns a tuple (X_train, y_train, X_test, y_test, class_names):
    - X_train: uint8 array of shape (num_train, 32, 32, 3); X_test likewise
    - y_train: int64 array of shape (num_train,) with labels in 0..9; y_test likewise
    - class_names: tuple of 10 strings
    """
    rng = np.random.default_rng(seed)
    n = num_train + num_test
    y = np.arange(n) % 10
    rng.shuffle(y)
    yy, xx = np.mgrid[0:32, 0:32]
    cy = rng.integers(10, 22, size=(n, 1, 1))
    cx = rng.integers(10, 22, size=(n, 1, 1))
    r = rng.integers(6, 11, size=(n, 1, 1))
    fg = rng.integers(0, 256, size=(n, 1, 1, 3))
    # background far enough from the foreground colour that the shape stays visible
    bg = (fg + rng.integers(80, 176, size=(n, 1, 1, 3))) % 256
    mask = np.zeros((n, 32, 32), dtype=bool)
    for label in range(10):
        idx = np.flatnonzero(y == label)
        mask[idx] = _masks(label, yy, xx, cy[idx], cx[idx], r[idx])
    X = np.where(mask[..., None], fg, bg) + rng.normal(0, 18, size=(n, 32, 32, 3))
    X = np.clip(np.rint(X), 0, 255).astype(np.uint8)
    y = y.astype(np.int64)
    return X[:num_train], y[:num_train], X[num_train:], y[num_train:], SYNTHETIC_CLASSES
