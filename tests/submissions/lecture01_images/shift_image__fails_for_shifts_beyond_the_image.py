# caught by hidden tests only
def shift_image(img, dy, dx):
    """Move the content of an image down by dy and right by dx pixels, filling with zeros.

    Pixels moved out of the frame are dropped and the uncovered border becomes 0. Unlike
    np.roll, nothing wraps around to the opposite edge. The input is not modified.

    Inputs:
    - img: array of shape (H, W, C), any dtype (usually uint8)
    - dy: int, rows to move down (negative: up)
    - dx: int, columns to move right (negative: left)

    Returns:
    - out: array of shape (H, W, C) with the dtype of img, out[y, x] = img[y - dy, x - dx]
      where that pixel exists and 0 elsewhere; if |dy| >= H or |dx| >= W, all zeros
    """
    H, W = img.shape[:2]
    out = np.zeros_like(img)
    out[max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        img[max(-dy, 0):H - max(dy, 0), max(-dx, 0):W - max(dx, 0)]
    return out
