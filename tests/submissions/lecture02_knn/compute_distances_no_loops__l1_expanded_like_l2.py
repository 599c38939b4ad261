# fails: test_compute_distances_no_loops__l1
    if metric == "l2":
        test_sq = np.sum(X ** 2, axis=1, keepdims=True)
        train_sq = np.sum(X_train ** 2, axis=1)
        dists = np.sqrt(np.maximum(test_sq + train_sq - 2 * X @ X_train.T, 0))
    elif metric == "l1":
        # like the L2 trick: work with row sums instead of all the pairs
        dists = np.abs(np.sum(X, axis=1)[:, None] - np.sum(X_train, axis=1)[None, :])
    else:
        raise ValueError("unknown metric")
