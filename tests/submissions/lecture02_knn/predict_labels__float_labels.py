def predict_labels(dists, y_train, k=1):
    """Predict a label for each test row by a majority vote of its k nearest training rows.

    Inputs:
    - dists: array of shape (num_test, num_train); dists[i, j] is the distance between
      test row i and training row j
    - y_train: int array of shape (num_train,) with labels 0, 1, 2, ...
    - k: number of neighbours that vote, 1 <= k <= num_train

    Returns:
    - y_pred: int array of shape (num_test,)

    Ties: neighbours at equal distance are taken in training order (a stable sort); when two or
    more labels get the most votes, the smallest of them wins. dists is not modified.
    """
    num_test = dists.shape[0]
    y_pred = np.zeros(num_test)
    for i in range(num_test):
        closest_y = y_train[np.argsort(dists[i], kind="stable")[:k]]
        y_pred[i] = np.argmax(np.bincount(closest_y))
    return y_pred
