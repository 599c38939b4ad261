# fails: test_softmax_loss_vectorized__reg
# caught by hidden tests only
    N = X.shape[0]
    scores = X @ W
    scores = scores - scores.max(axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y]).mean()
    probs[np.arange(N), y] -= 1
    dW = X.T @ probs / N
    R, dR = reg_fn(W, beta=beta)
    loss += reg * R
    dW += reg * dR
