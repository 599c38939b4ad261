# fails: test_regularization__l1, test_regularization__elastic_net
    if kind == "l2":
        R, dR = np.sum(W ** 2), 2 * W
    elif kind == "l1":
        R, dR = np.sum(np.abs(W)), np.abs(W)
    elif kind == "elastic":
        R = beta * np.sum(W ** 2) + np.sum(np.abs(W))
        dR = 2 * beta * W + np.abs(W)
    else:
        raise ValueError("unknown kind")
