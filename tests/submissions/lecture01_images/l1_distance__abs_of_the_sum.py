def l1_distance(a, b):
    """L1 distance between two images: the sum of absolute differences.

    Inputs:
    - a: array of shape (H, W, C), dtype uint8 or float
    - b: array of the same shape as a, dtype uint8 or float

    Returns:
    - d: float, sum over all pixels and channels of |a - b|, computed exactly as for
      real numbers (for uint8 inputs 10 and 20 the difference counts as 10)
    """
    d = abs(np.sum(a.astype(float) - b.astype(float)))
    return d
