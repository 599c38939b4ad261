def compute_distances_two_loops(X, X_train, metric="l2"):
    """Distance between every test row and every training row, one pair at a time.

    Inputs:
    - X: float array of shape (num_test, D), the rows to classify
    - X_train: float array of shape (num_train, D), the training rows
    - metric: "l1" (sum of absolute differences) or "l2" (Euclidean distance)

    Returns:
    - dists: array of shape (num_test, num_train); dists[i, j] is the distance between
      X[i] and X_train[j]

    Raises ValueError for any other metric.
    """
    num_test, num_train = X.shape[0], X_train.shape[0]
    dists = np.zeros((num_test, num_train))
    for i in range(num_test):
        for j in range(num_train):
            dists[i, j] = np.sqrt(np.sum((X[i] - X_train[j]) ** 2))
    return dists
