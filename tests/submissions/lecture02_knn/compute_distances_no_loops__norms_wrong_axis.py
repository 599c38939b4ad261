    if metric == "l2":
        test_sq = np.sum(X ** 2, axis=0)
        train_sq = np.sum(X_train ** 2, axis=0)
        dists = np.sqrt(np.maximum(test_sq[:, None] + train_sq[None, :] - 2 * X @ X_train.T, 0))
    elif metric == "l1":
        dists = np.sum(np.abs(X[:, None, :] - X_train[None, :, :]), axis=2)
    else:
        raise ValueError("unknown metric")
