    y_pred = np.argmin(X @ W, axis=1)
