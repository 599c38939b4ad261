# fails:
    # correct alternative: np.dot, an explicit shape for the rows
    N = x.shape[0]
    dx = np.dot(dout, w.T).reshape(*x.shape)
    dw = np.dot(x.reshape(N, np.prod(x.shape[1:])).T, dout)
    db = np.sum(dout, axis=0)
