# fails:
    K = centroids.shape[0]
    one_hot = (labels[:, None] == np.arange(K)[None, :]).astype(X.dtype)  # (N, K)
    counts = one_hot.sum(axis=0)
    means = (one_hot.T @ X) / np.maximum(counts, 1)[:, None]
    new_centroids = np.where(counts[:, None] > 0, means, centroids)
