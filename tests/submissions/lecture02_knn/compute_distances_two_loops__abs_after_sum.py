# fails: test_compute_distances_two_loops__l1
    if metric not in ("l1", "l2"):
        raise ValueError("unknown metric")
    for i in range(num_test):
        for j in range(num_train):
            if metric == "l1":
                dists[i, j] = np.abs(np.sum(X[i] - X_train[j]))
            else:
                dists[i, j] = np.sqrt(np.sum((X[i] - X_train[j]) ** 2))
