# fails: test_svm_loss_vectorized, test_svm_loss_vectorized__grad, test_svm_loss_vectorized__reg
    N = X.shape[0]
    scores = X @ W
    margins = np.maximum(0, scores - scores[np.arange(N), y] + 1)
    margins[np.arange(N), y] = 0
    loss = margins.sum() / N
    binary = (margins > 0).astype(float)
    binary[np.arange(N), y] = -binary.sum(axis=1)
    dW = X.T @ binary / N
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
