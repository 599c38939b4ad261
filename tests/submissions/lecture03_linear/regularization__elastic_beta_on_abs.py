# fails: test_regularization__elastic_net
    if kind == "l2":
        R, dR = np.sum(W ** 2), 2 * W
    elif kind == "l1":
        R, dR = np.sum(np.abs(W)), np.sign(W)
    elif kind == "elastic":
        R = np.sum(W ** 2) + beta * np.sum(np.abs(W))
        dR = 2 * W + beta * np.sign(W)
    else:
        raise ValueError("unknown kind")
