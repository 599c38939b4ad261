# fails:
    for i in range(X.shape[0]):
        s = X[i] @ W
        m = np.max(s)
        log_z = m + np.log(np.sum(np.exp(s - m)))
        loss += log_z - s[y[i]]
        p = np.exp(s - log_z)
        p[y[i]] -= 1
        dW += X[i][:, None] * p[None, :]
    R, dR = reg_fn(W, reg_kind, beta)
    loss = loss / X.shape[0] + reg * R
    dW = dW / X.shape[0] + reg * dR
