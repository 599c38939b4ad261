    if metric not in ("l1", "l2"):
        raise ValueError("unknown metric")
    for i in range(num_test):
        if metric == "l1":
            dists[i, :] = np.sum(np.abs(X_train - X[i]), axis=1)
        else:
            dists[i, :] = np.sum((X_train - X[i]) ** 2, axis=1)
