    X_folds = np.array_split(X_train, num_folds)
    y_folds = np.array_split(y_train, num_folds)
    for i in range(num_folds):
        X_val, y_val = X_folds[0], y_folds[0]
        X_tr = np.concatenate(X_folds[1:])
        y_tr = np.concatenate(y_folds[1:])
        dists = distance_fn(X_val, X_tr)
        for a, k in enumerate(k_choices):
            accuracies[a, i] = np.mean(predict_fn(dists, y_tr, k) == y_val)
