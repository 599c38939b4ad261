# caught by hidden tests only
    # the backward pass of a convolution with a constant filter 1 / (ph * pw), channel by channel
    from cs231n_utils.fast_layers import conv_backward_fast
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    mean_filter = np.full((1, 1, ph, pw), 1.0 / (ph * pw), dtype=x.dtype)
    conv_cache = (x.reshape(N * C, 1, H, W), mean_filter, np.zeros(1, x.dtype), {"stride": stride, "pad": 0})
    dx, _, _ = conv_backward_fast(dout.reshape(N * C, 1, dout.shape[2], dout.shape[3]).astype(x.dtype), conv_cache)
    dx = dx.reshape(N, C, H, W)
