# caught by hidden tests only
    for i in range(num_test):
        for j in range(num_train):
            if metric == "l1":
                dists[i, j] = np.sum(np.abs(X[i] - X_train[j]))
            else:
                dists[i, j] = np.linalg.norm(X[i] - X_train[j])
