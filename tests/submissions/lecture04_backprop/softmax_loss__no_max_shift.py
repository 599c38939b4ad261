# fails: test_softmax_loss, test_softmax_loss__grad
# caught by hidden tests only
    N = x.shape[0]
    p = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(N), y]))
    dx = p.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
