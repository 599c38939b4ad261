# fails: test_softmax_loss_naive__reg
# caught by hidden tests only
    N, C = X.shape[0], W.shape[1]
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        p = np.exp(s) / np.sum(np.exp(s))
        loss += -np.log(p[y[i]])
        for j in range(C):
            dW[:, j] += (p[j] - (j == y[i])) * X[i]
    loss /= N
    dW /= N
    R, dR = reg_fn(W)
    loss += reg * R
    dW += reg * dR
