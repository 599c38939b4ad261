# fails:
    N = X.shape[0]
    scores = (X.astype(np.float32) @ W.astype(np.float32)).astype(np.float64)
    scores -= scores.max()
    scores -= scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.sum(np.log(p[range(N), y])) / N
    p[range(N), y] -= 1
    dW = (X.T @ p) / N
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
