# fails: test_predict_labels__vote_ties
# caught by hidden tests only
    from collections import Counter

    num_test = dists.shape[0]
    y_pred = np.zeros(num_test, dtype=int)
    for i in range(num_test):
        closest_y = y_train[np.argsort(dists[i], kind="stable")[:k]]
        y_pred[i] = Counter(closest_y.tolist()).most_common(1)[0][0]
