# fails: test_compute_distances_two_loops, test_compute_distances_two_loops__l1
    if metric not in ("l1", "l2"):
        raise ValueError("unknown metric")
    dists = np.zeros((num_train, num_test))
    for i in range(num_test):
        for j in range(num_train):
            if metric == "l1":
                dists[j, i] = np.sum(np.abs(X[i] - X_train[j]))
            else:
                dists[j, i] = np.sqrt(np.sum((X[i] - X_train[j]) ** 2))
