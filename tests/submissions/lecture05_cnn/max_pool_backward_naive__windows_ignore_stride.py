# fails: test_max_pool_backward_naive, test_max_pool_backward_naive__ties, test_max_pool_backward_naive__overlap
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i:i + ph, j:j + pw]
                    k, l = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i + k, j + l] += dout[n, c, i, j]
