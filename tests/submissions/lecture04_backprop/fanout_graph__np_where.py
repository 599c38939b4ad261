# fails:
    # correct alternative: numpy throughout, the max node's routing as a mask
    v = np.array([x, y], dtype=np.float64)
    s, m = v.sum(), v.max()
    f = s * m
    route = np.where(v == m, 1.0, 0.0)
    grad = m * np.ones(2) + s * route
    dx, dy = grad[0], grad[1]
