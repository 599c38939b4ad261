# fails: test_kmeans_update__empty
# caught by hidden tests only
    counts = np.bincount(labels)
    sums = np.zeros(centroids.shape)
    np.add.at(sums, labels, X)
    new_centroids = centroids.copy()
    filled = counts > 0
    new_centroids[filled] = sums[filled] / counts[filled, None]
