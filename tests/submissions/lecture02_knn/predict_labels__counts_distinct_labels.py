# fails: test_predict_labels__majority_vote
# caught by hidden tests only
    C = len(np.unique(y_train))
    nearest = np.argsort(dists, axis=1, kind="stable")[:, :k]
    one_hot = y_train[nearest][:, :, None] == np.arange(C)  # (num_test, k, C)
    y_pred = np.argmax(one_hot.sum(axis=1), axis=1)
