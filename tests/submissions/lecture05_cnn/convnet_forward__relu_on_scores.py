# fails: test_convnet_forward, test_convnet_forward__deep
    N, M, K = arch["convs_per_pool"], arch["num_pools"], arch["num_hidden"]
    pool_param = {"pool_height": 2, "pool_width": 2, "stride": 2}
    out, l = X, 1
    for m in range(M):
        for i in range(N):
            w, b = params[f"W{l}"], params[f"b{l}"]
            conv_param = {"stride": 1, "pad": (w.shape[2] - 1) // 2}
            if i == N - 1:
                out, cache = conv_relu_pool_forward(out, w, b, conv_param, pool_param)
            else:
                out, cache = conv_relu_forward(out, w, b, conv_param)
            caches.append(cache)
            l += 1
    # every fully connected layer with its ReLU
    for _ in range(K + 1):
        out, cache = affine_relu_forward(out, params[f"W{l}"], params[f"b{l}"])
        caches.append(cache)
        l += 1
    scores = out
