# caught by hidden tests only
    # every channel on its own, convolved with a constant filter 1 / (ph * pw)
    from cs231n_utils.fast_layers import conv_forward_fast
    N, C, H, W = x.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    mean_filter = np.full((1, 1, ph, pw), 1.0 / (ph * pw), dtype=x.dtype)
    out, _ = conv_forward_fast(x.reshape(N * C, 1, H, W), mean_filter, np.zeros(1, x.dtype),
                               {"stride": stride, "pad": 0})
    out = out.reshape(N, C, out.shape[2], out.shape[3])
    cache = (x, pool_param)
