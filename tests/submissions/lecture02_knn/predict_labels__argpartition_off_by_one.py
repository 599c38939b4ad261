# caught by hidden tests only
    nearest = np.argpartition(dists, k, axis=1)[:, :k]
    closest_y = y_train[nearest]
    y_pred = np.array([np.argmax(np.bincount(row)) for row in closest_y])
