# fails:
    X = np.asarray(X, dtype=np.float32)
    N = X.shape[0]
    hist = np.zeros((N, nbin))
    for i in range(N):
        px = X[i].reshape(-1, 3)
        mx, mn = px.max(axis=1), px.min(axis=1)
        px = px[mx > mn]
        mx, mn = mx[mx > mn], mn[mx > mn]
        r, g, b = px[:, 0], px[:, 1], px[:, 2]
        hue = np.empty(len(px))
        red, green = mx == r, (mx == g) & (mx != r)
        blue = ~red & ~green
        hue[red] = 60.0 * (g[red] - b[red]) / (mx - mn)[red]
        hue[green] = 60.0 * ((b[green] - r[green]) / (mx - mn)[green] + 2)
        hue[blue] = 60.0 * ((r[blue] - g[blue]) / (mx - mn)[blue] + 4)
        hue[hue < 0] += 360.0
        counts, _ = np.histogram(hue, bins=nbin, range=(0.0, 360.0))
        if counts.sum() > 0:
            hist[i] = counts / counts.sum()
