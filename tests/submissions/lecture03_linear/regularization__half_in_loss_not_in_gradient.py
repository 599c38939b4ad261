# fails: test_regularization
    if kind == "l2":
        R, dR = 0.5 * np.sum(W * W), 2 * W
    elif kind == "l1":
        R, dR = np.sum(np.abs(W)), np.sign(W)
    elif kind == "elastic":
        R = beta * np.sum(W * W) + np.sum(np.abs(W))
        dR = 2 * beta * W + np.sign(W)
    else:
        raise ValueError("unknown kind")
