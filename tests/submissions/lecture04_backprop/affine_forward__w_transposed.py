    out = x.reshape(x.shape[0], -1) @ w.T + b
