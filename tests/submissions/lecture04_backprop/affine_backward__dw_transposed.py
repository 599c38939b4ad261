# fails: test_affine_backward, test_affine_backward__numerical
    dx = (dout @ w.T).reshape(x.shape)
    dw = dout.T @ x.reshape(x.shape[0], -1)
    db = dout.sum(axis=0)
