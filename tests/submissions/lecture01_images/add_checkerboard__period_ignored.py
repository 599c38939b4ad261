def add_checkerboard(img, amplitude, period=1):
    """Add a checkerboard: +amplitude on white squares, -amplitude on black squares.

    Squares are period x period pixels, the square containing pixel (0, 0) is white, and
    the same pattern is added to every channel. Results are clipped to [0, 255].

    Inputs:
    - img: uint8 array of shape (H, W, C); H and W need not be multiples of period
    - amplitude: int, the value added or subtracted (negative flips the pattern)
    - period: int >= 1, side of one square in pixels

    Returns:
    - out: uint8 array of shape (H, W, C),
      out[y, x, c] = clip(img[y, x, c] + amplitude * s[y, x], 0, 255) with
      s[y, x] = +1 if (y // period + x // period) is even, else -1
    """
    H, W = img.shape[:2]
    yy, xx = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")
    sign = np.where((yy + xx) % 2 == 0, 1, -1)
    out = np.clip(img.astype(np.int64) + amplitude * sign[:, :, None], 0, 255).astype(np.uint8)
    return out
