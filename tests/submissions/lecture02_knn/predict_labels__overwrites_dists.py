    num_test = dists.shape[0]
    y_pred = np.zeros(num_test, dtype=int)
    for i in range(num_test):
        closest_y = []
        for _ in range(k):
            j = np.argmin(dists[i])
            closest_y.append(y_train[j])
            dists[i, j] = np.inf  # so the next argmin finds the next neighbour
        y_pred[i] = np.argmax(np.bincount(closest_y))
