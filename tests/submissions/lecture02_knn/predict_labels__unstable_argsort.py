# fails: test_predict_labels__distance_ties
# caught by hidden tests only
    nearest = np.argsort(dists, axis=1)[:, :k]
    closest_y = y_train[nearest]
    y_pred = np.array([np.argmax(np.bincount(row)) for row in closest_y])
