def cross_validate_knn(X_train, y_train, k_choices, num_folds, distance_fn, predict_fn=predict_labels):
    """F-fold cross-validation accuracy of k-NN for several values of k.

    The rows are split in order (no shuffling) into num_folds folds with np.array_split. Fold i is
    the validation set once, with the other folds together as the training set.

    Inputs:
    - X_train: array of shape (N, D); y_train: int array of shape (N,)
    - k_choices: sequence of K values of k
    - num_folds: number of folds F, 2 <= F <= N
    - distance_fn: function (X, X_train) -> dists of shape (len(X), len(X_train))
    - predict_fn: function (dists, y_train, k) -> y_pred of shape (len(dists),)

    Returns:
    - accuracies: float array of shape (K, num_folds); accuracies[a, i] is the fraction of
      fold i classified correctly with k = k_choices[a]

    distance_fn is called once per fold (num_folds times in all) since distances do not depend on k.
    """
    accuracies = np.zeros((len(k_choices), num_folds))
    X_folds = np.array_split(X_train, num_folds)
    y_folds = np.array_split(y_train, num_folds)
    for i in range(num_folds):
        dists = distance_fn(X_folds[i], X_train)
        for a, k in enumerate(k_choices):
            accuracies[a, i] = np.mean(predict_fn(dists, y_train, k) == y_folds[i])
    return accuracies
