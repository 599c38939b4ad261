# fails: test_regularization
# caught by hidden tests only
    if kind == "l1":
        R, dR = np.sum(np.abs(W)), np.sign(W)
    elif kind == "elastic":
        R = beta * np.sum(W * W) + np.sum(np.abs(W))
        dR = 2 * beta * W + np.sign(W)
    else:
        R, dR = np.sum(W * W), 2 * W
