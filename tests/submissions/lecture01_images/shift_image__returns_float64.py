# fails: test_shift_image__dtype_and_input
    H, W = img.shape[:2]
    out = np.zeros(img.shape)
    for y in range(H):
        for x in range(W):
            if 0 <= y - dy < H and 0 <= x - dx < W:
                out[y, x] = img[y - dy, x - dx]
