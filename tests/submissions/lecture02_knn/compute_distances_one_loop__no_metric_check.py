# caught by hidden tests only
def compute_distances_one_loop(X, X_train, metric="l2"):
    """Distance between every test row and every training row, one test row at a time.

    Inputs:
    - X: float array of shape (num_test, D)
    - X_train: float array of shape (num_train, D)
    - metric: "l1" or "l2"

    Returns:
    - dists: array of shape (num_test, num_train); dists[i, j] is the distance between
      X[i] and X_train[j]

    Raises ValueError for any other metric.
    """
    num_test, num_train = X.shape[0], X_train.shape[0]
    dists = np.zeros((num_test, num_train))
    for i in range(num_test):
        diff = X_train - X[i]
        if metric == "l1":
            dists[i, :] = np.sum(np.abs(diff), axis=1)
        else:
            dists[i, :] = np.sqrt(np.sum(diff ** 2, axis=1))
    return dists
