# fails:
    d = np.sqrt(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    labels = np.argmin(d, axis=1).astype(np.int32)
