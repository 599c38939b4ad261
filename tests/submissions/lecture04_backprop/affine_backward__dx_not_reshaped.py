# fails: test_affine_backward__numerical
# caught by hidden tests only
    dx = dout @ w.T
    dw = x.reshape(x.shape[0], -1).T @ dout
    db = dout.sum(axis=0)
