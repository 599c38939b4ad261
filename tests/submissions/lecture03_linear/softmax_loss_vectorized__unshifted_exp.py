# fails: test_softmax_loss_vectorized__stable
# caught by hidden tests only
    N = X.shape[0]
    scores = X @ W
    scores = scores
    exp_scores = np.exp(scores)
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y]).mean()
    probs[np.arange(N), y] -= 1
    dW = X.T @ probs / N
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
