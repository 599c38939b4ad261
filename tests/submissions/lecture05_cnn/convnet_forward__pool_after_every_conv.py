# fails: test_convnet_forward__deep
# caught by hidden tests only
    N, M, K = arch["convs_per_pool"], arch["num_pools"], arch["num_hidden"]
    pool_param = {"pool_height": 2, "pool_width": 2, "stride": 2}
    out = X
    for l in range(1, N * M + 1):
        w, b = params[f"W{l}"], params[f"b{l}"]
        out, cache = conv_relu_pool_forward(out, w, b, {"stride": 1, "pad": (w.shape[2] - 1) // 2}, pool_param)
        caches.append(cache)
    for l in range(N * M + 1, N * M + K + 1):
        out, cache = affine_relu_forward(out, params[f"W{l}"], params[f"b{l}"])
        caches.append(cache)
    L = N * M + K + 1
    scores, cache = affine_forward(out, params[f"W{L}"], params[f"b{L}"])
    caches.append(cache)
