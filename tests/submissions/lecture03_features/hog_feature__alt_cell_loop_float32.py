# fails:
    N, H, W, _ = X.shape
    gray = (0.299 * X[..., 0] + 0.587 * X[..., 1] + 0.114 * X[..., 2]).astype(np.float32)
    gx = np.zeros_like(gray)
    gy = np.zeros_like(gray)
    gx[:, :, 1:-1] = 0.5 * (gray[:, :, 2:] - gray[:, :, :-2])
    gy[:, 1:-1, :] = 0.5 * (gray[:, 2:, :] - gray[:, :-2, :])
    magnitude = np.sqrt(gx * gx + gy * gy)
    theta = np.arctan2(gy, gx) * (180 / np.pi)
    theta[theta < 0] += 180
    theta[theta >= 180] -= 180
    hog = np.zeros((N, H // cell_size, W // cell_size, num_bins), dtype=np.float32)
    for i in range(N):
        for r in range(H // cell_size):
            for c in range(W // cell_size):
                cell = (i, slice(r * cell_size, (r + 1) * cell_size), slice(c * cell_size, (c + 1) * cell_size))
                hog[i, r, c], _ = np.histogram(theta[cell], bins=num_bins, range=(0, 180), weights=magnitude[cell])
