# fails: test_regularization__elastic_net
# caught by hidden tests only
    if kind == "l2":
        R, dR = np.sum(W * W), 2 * W
    elif kind == "l1":
        R, dR = np.sum(np.abs(W)), np.sign(W)
    elif kind == "elastic":
        R = 0.5 * np.sum(W * W) + np.sum(np.abs(W))
        dR = W + np.sign(W)
    else:
        raise ValueError("unknown kind")
