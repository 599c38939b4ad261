    if metric == "l2":
        dists = np.sum(X ** 2, axis=1)[:, None] + np.sum(X_train ** 2, axis=1)[None, :] - 2 * X @ X_train.T
        dists = np.maximum(dists, 0)
    elif metric == "l1":
        dists = np.sum(np.abs(X[:, None, :] - X_train[None, :, :]), axis=2)
    else:
        raise ValueError("unknown metric")
