# fails: test_shift_image, test_shift_image__beyond_the_frame
    H, W = img.shape[:2]
    out = np.zeros_like(img)
    h, w = H - abs(dx), W - abs(dy)
    if h > 0 and w > 0:
        out[max(dx, 0):max(dx, 0) + h, max(dy, 0):max(dy, 0) + w] = \
            img[max(-dx, 0):max(-dx, 0) + h, max(-dy, 0):max(-dy, 0) + w]
