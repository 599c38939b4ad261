# fails:
    for i in range(X.shape[0]):
        s = W.T @ X[i]
        margins = np.maximum(0, s - s[y[i]] + 1)
        margins[y[i]] = 0
        loss += margins.sum()
        positive = (margins > 0).astype(float)
        positive[y[i]] = -positive.sum()
        dW += np.outer(X[i], positive)
    loss = loss / X.shape[0] + reg * reg_fn(W, reg_kind, beta)[0]
    dW = dW / X.shape[0] + reg * reg_fn(W, reg_kind, beta)[1]
