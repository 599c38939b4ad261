# fails: test_hog_feature, test_hog_feature__edges, test_hog_feature__random
    N, H, W, _ = X.shape
    gray = np.asarray(X, dtype=np.float64) @ GRAY_WEIGHTS
    gy, gx = np.gradient(gray, axis=(1, 2))
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    theta = np.degrees(np.arctan2(gy, gx)) % 180
    bins = np.minimum((theta / (180 / num_bins)).astype(int), num_bins - 1)
    step = cell_size // 2
    Hc, Wc = (H - cell_size) // step + 1, (W - cell_size) // step + 1
    hog = np.zeros((N, Hc, Wc, num_bins))
    for r in range(Hc):
        for c in range(Wc):
            m = magnitude[:, r * step:r * step + cell_size, c * step:c * step + cell_size].reshape(N, -1)
            k = bins[:, r * step:r * step + cell_size, c * step:c * step + cell_size].reshape(N, -1)
            for b in range(num_bins):
                hog[:, r, c, b] = np.sum(m * (k == b), axis=1)
