# fails: test_svm_loss_vectorized__grad
    N, C = X.shape[0], W.shape[1]
    scores = X @ W
    margins = np.maximum(0, scores - scores[np.arange(N), y][:, None] + 1)
    margins[np.arange(N), y] = 0
    loss = margins.sum() / N
    coeff = np.ones((N, C))
    coeff[np.arange(N), y] = -(C - 1)
    dW = X.T @ coeff / N
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
