# fails: test_color_histogram_hsv, test_color_histogram_hsv__wrap
# caught by hidden tests only
    N = X.shape[0]
    rgb = X.reshape(N, -1, 3)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    mx, mn = rgb.max(axis=2), rgb.min(axis=2)
    delta = np.where(mx > mn, mx - mn, 1).astype(np.float64)
    hue = 60.0 * np.where(mx == r, ((g - b) / delta) % 6, np.where(mx == g, (b - r) / delta + 2, (r - g) / delta + 4))
    bins = np.minimum((hue / (360.0 / nbin)).astype(int), nbin - 1)
    hist = np.zeros((N, nbin))
    for i in range(N):
        counts = np.bincount(bins[i][mx[i] > mn[i]], minlength=nbin)
        hist[i] = counts / max(counts.sum(), 1)
