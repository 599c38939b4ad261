# fails: test_hog_feature__edges, test_hog_feature__random
    N, H, W, _ = X.shape
    gray = np.asarray(X, dtype=np.float64) @ GRAY_WEIGHTS
    gy, gx = np.gradient(gray, axis=(2, 1))
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    theta = np.degrees(np.arctan2(gy, gx)) % 180
    bins = np.minimum((theta / (180 / num_bins)).astype(int), num_bins - 1)
    hog = np.zeros((N, H // cell_size, W // cell_size, num_bins))
    for b in range(num_bins):
        votes = np.where(bins == b, magnitude, 0.0)
        hog[..., b] = votes.reshape(N, H // cell_size, cell_size, W // cell_size, cell_size).sum(axis=(2, 4))
