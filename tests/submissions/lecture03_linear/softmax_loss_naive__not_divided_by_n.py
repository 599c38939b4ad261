# fails: test_softmax_loss_naive, test_softmax_loss_naive__grad
    N, C = X.shape[0], W.shape[1]
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        p = np.exp(s) / np.sum(np.exp(s))
        loss += -np.log(p[y[i]])
        for j in range(C):
            dW[:, j] += (p[j] - (j == y[i])) * X[i]
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
