def l2_distance(a, b):
    """L2 (Euclidean) distance between two images.

    Inputs:
    - a: array of shape (H, W, C), dtype uint8 or float
    - b: array of the same shape as a, dtype uint8 or float

    Returns:
    - d: float, sqrt of the sum over all pixels and channels of (a - b)**2, computed
      exactly as for real numbers (no uint8 wrap-around in the difference or the square)
    """
    diff = a.astype(np.float64) - b.astype(np.float64)
    d = np.sqrt(np.mean(diff ** 2))
    return d
