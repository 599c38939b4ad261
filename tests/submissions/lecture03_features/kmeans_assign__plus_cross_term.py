# fails: test_kmeans_assign, test_kmeans_assign__euclidean
    d = np.sum(X ** 2, axis=1)[:, None] + 2 * X @ centroids.T + np.sum(centroids ** 2, axis=1)
    labels = np.argmin(d, axis=1)
