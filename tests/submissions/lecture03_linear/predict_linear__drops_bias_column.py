# caught by hidden tests only
    y_pred = np.argmax(X[:, :-1] @ W[:-1], axis=1)
