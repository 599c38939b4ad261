    if metric == "l2":
        # only the cross term of the expansion
        dists = np.sqrt(np.maximum(-2 * (X @ X_train.T), 0))
    elif metric == "l1":
        dists = np.sum(np.abs(X[:, None, :] - X_train[None, :, :]), axis=2)
    else:
        raise ValueError("unknown metric")
