# fails: test_compute_distances_one_loop__l1
    if metric not in ("l1", "l2"):
        raise ValueError("unknown metric")
    for i in range(num_test):
        if metric == "l1":
            dists[i, :] = np.sqrt(np.sum(np.abs(X_train - X[i]) ** 2, axis=1))
        else:
            dists[i, :] = np.sqrt(np.sum((X_train - X[i]) ** 2, axis=1))
