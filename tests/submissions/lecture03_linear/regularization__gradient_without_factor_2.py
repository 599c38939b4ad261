# fails: test_regularization, test_regularization__elastic_net
    if kind == "l2":
        R, dR = np.sum(W * W), W
    elif kind == "l1":
        R, dR = np.sum(np.abs(W)), np.sign(W)
    elif kind == "elastic":
        R = beta * np.sum(W * W) + np.sum(np.abs(W))
        dR = beta * W + np.sign(W)
    else:
        raise ValueError("unknown kind")
