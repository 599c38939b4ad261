# fails: test_svm_loss_naive
    N, C = X.shape[0], W.shape[1]
    for i in range(N):
        s = X[i].dot(W)
        for j in range(C):
            margin = s[j] - s[y[i]] + 1
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss /= N
    dW /= N
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
