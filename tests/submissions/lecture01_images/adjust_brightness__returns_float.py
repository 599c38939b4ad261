def adjust_brightness(img, delta):
    """Brighten (delta > 0) or darken (delta < 0) a uint8 image, saturating at 0 and 255.

    Inputs:
    - img: uint8 array of shape (H, W, C)
    - delta: int, added to every value; may be negative

    Returns:
    - out: uint8 array of shape (H, W, C), out = clip(img + delta, 0, 255); values
      saturate instead of wrapping around (250 + 10 gives 255, 5 - 10 gives 0)
    """
    out = np.clip(img.astype(np.float64) + delta, 0, 255)
    return out
