    scores = X @ W
    y_pred = np.zeros(X.shape[0])
    for i in range(X.shape[0]):
        y_pred[i] = np.argmax(scores[i])
