# fails: test_predict_labels__vote_ties
    num_test = dists.shape[0]
    y_pred = np.zeros(num_test, dtype=int)
    for i in range(num_test):
        closest_y = y_train[np.argsort(dists[i], kind="stable")[:k]]
        counts = np.bincount(closest_y)
        # the last label with the most votes
        y_pred[i] = np.flatnonzero(counts == counts.max())[-1]
