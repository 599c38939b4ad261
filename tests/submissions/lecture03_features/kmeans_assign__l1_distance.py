# fails: test_kmeans_assign, test_kmeans_assign__euclidean
# caught by hidden tests only
    d = np.abs(X[:, None, :] - centroids[None, :, :]).sum(axis=2)
    labels = np.argmin(d, axis=1)
