# fails: test_max_pool_backward_naive__ties
# caught by hidden tests only
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    best, at = -np.inf, (0, 0)
                    for k in range(ph):
                        for l in range(pw):
                            if x[n, c, i * s + k, j * s + l] >= best:
                                best, at = x[n, c, i * s + k, j * s + l], (k, l)
                    dx[n, c, i * s + at[0], j * s + at[1]] += dout[n, c, i, j]
