# fails: test_kmeans_update, test_kmeans_update__empty, test_kmeans_update__loss
    new_centroids = centroids.copy()
