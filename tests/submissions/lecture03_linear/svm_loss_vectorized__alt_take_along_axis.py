# fails:
    N, C = X.shape[0], W.shape[1]
    scores = X @ W
    correct = np.take_along_axis(scores, y[:, None], axis=1)
    onehot = np.eye(C, dtype=bool)[y]
    margins = np.where(onehot, 0.0, np.maximum(0.0, scores - correct + 1))
    loss = margins.sum() / N
    active = margins > 0
    coeff = active - onehot * active.sum(axis=1, keepdims=True)
    dW = np.einsum("nd,nc->dc", X, coeff) / N
    R, dR = reg_fn(W, reg_kind, beta)
    loss = loss + reg * R
    dW = dW + reg * dR
