    y_pred = y_train[np.argmin(dists, axis=1)]
