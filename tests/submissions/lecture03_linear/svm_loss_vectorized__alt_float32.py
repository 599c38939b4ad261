# fails:
    X32, W32 = X.astype(np.float32), W.astype(np.float32)
    N = X.shape[0]
    scores = X32 @ W32
    margins = scores - scores[np.arange(N), y][:, np.newaxis] + np.float32(1)
    margins[np.arange(N), y] = 0
    margins = np.clip(margins, 0, None)
    loss = float(margins.sum()) / N
    mask = (margins > 0).astype(np.float32)
    mask[np.arange(N), y] = -mask.sum(axis=1)
    dW = (X32.T @ mask / N).astype(W.dtype)
    R, dR = reg_fn(W, reg_kind, beta)
    loss += reg * R
    dW += reg * dR
