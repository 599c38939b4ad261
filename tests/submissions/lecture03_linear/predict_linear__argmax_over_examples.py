    y_pred = np.argmax(X @ W, axis=0)
