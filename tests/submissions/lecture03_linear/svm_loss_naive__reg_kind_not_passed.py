# fails: test_svm_loss_naive__reg
# caught by hidden tests only
    N, C = X.shape[0], W.shape[1]
    for i in range(N):
        s = X[i].dot(W)
        for j in range(C):
            if j != y[i] and s[j] - s[y[i]] + 1 > 0:
                loss += s[j] - s[y[i]] + 1
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss /= N
    dW /= N
    R, dR = reg_fn(W)
    loss += reg * R
    dW += reg * dR
