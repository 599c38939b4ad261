# fails: test_svm_loss_vectorized__reg
# caught by hidden tests only
    N = X.shape[0]
    scores = X @ W
    margins = np.maximum(0, scores - scores[np.arange(N), y][:, None] + 1)
    margins[np.arange(N), y] = 0
    loss = margins.sum() / N
    binary = (margins > 0).astype(float)
    binary[np.arange(N), y] = -binary.sum(axis=1)
    dW = X.T @ binary / N
    R, dR = reg_fn(W, "l2", 0.5)
    loss += reg * R
    dW += reg * dR
