# fails: test_affine_backward, test_affine_backward__numerical
    dx = (dout @ w).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T @ dout
    db = dout.sum(axis=0)
