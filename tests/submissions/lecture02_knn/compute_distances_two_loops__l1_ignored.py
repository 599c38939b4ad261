# fails: test_compute_distances_two_loops, test_compute_distances_two_loops__l1
    for i in range(num_test):
        for j in range(num_train):
            dists[i, j] = np.sqrt(np.sum((X[i] - X_train[j]) ** 2))
