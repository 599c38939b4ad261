# caught by hidden tests only
    fold_size = len(X_train) // num_folds
    for i in range(num_folds):
        start, stop = i * fold_size, (i + 1) * fold_size
        X_val, y_val = X_train[start:stop], y_train[start:stop]
        X_tr = np.concatenate([X_train[:start], X_train[stop:]])
        y_tr = np.concatenate([y_train[:start], y_train[stop:]])
        dists = distance_fn(X_val, X_tr)
        for a, k in enumerate(k_choices):
            accuracies[a, i] = np.mean(predict_fn(dists, y_tr, k) == y_val)
