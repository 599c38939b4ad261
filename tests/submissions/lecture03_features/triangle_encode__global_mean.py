# fails: test_triangle_encode, test_triangle_encode__many
# caught by hidden tests only
    z = np.sqrt(np.maximum(np.sum(patches ** 2, axis=1)[:, None] - 2 * patches @ centroids.T + np.sum(centroids ** 2, axis=1), 0))
    codes = np.maximum(0, z.mean() - z)
