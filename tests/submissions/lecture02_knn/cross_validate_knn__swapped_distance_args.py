# fails: test_cross_validate_knn, test_cross_validate_knn__argument_order, test_cross_validate_knn__distances_once
    X_folds = np.array_split(X_train, num_folds)
    y_folds = np.array_split(y_train, num_folds)
    for i in range(num_folds):
        X_tr = np.concatenate(X_folds[:i] + X_folds[i + 1:])
        y_tr = np.concatenate(y_folds[:i] + y_folds[i + 1:])
        dists = distance_fn(X_tr, X_folds[i])
        for a, k in enumerate(k_choices):
            accuracies[a, i] = np.mean(predict_fn(dists, y_tr, k) == y_folds[i])
