# fails: test_cross_validate_knn, test_cross_validate_knn__argument_order
    X_folds = np.array_split(X_train, num_folds)
    y_folds = np.array_split(y_train, num_folds)
    for i in range(num_folds):
        dists = distance_fn(X_folds[i], X_train)
        for a, k in enumerate(k_choices):
            accuracies[a, i] = np.mean(predict_fn(dists, y_train, k) == y_folds[i])
