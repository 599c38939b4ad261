def compute_distances_no_loops(X, X_train, metric="l2"):
    """Distance between every test row and every training row, without Python loops.

    Inputs:
    - X: float array of shape (num_test, D)
    - X_train: float array of shape (num_train, D)
    - metric: "l1" or "l2"

    Returns:
    - dists: array of shape (num_test, num_train); dists[i, j] is the distance between
      X[i] and X_train[j]

    L2 uses ||x - t||^2 = ||x||^2 + ||t||^2 - 2 x.t: one matrix product, memory O(num_test * num_train).
    L1 broadcasts to an array of shape (num_test, num_train, D), memory O(num_test * num_train * D):
    call it on small inputs only.
    Raises ValueError for any other metric.
    """
    if metric == "l2":
        dists = np.sum(X ** 2, axis=1)[:, None] + np.sum(X_train ** 2, axis=1)[None, :] - 2 * X @ X_train.T
        dists = np.maximum(dists, 0)
    elif metric == "l1":
        dists = np.sum(np.abs(X[:, None, :] - X_train[None, :, :]), axis=2)
    else:
        raise ValueError("unknown metric")
    return dists
