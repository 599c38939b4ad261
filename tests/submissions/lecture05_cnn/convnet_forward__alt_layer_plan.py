# fails:
    N, M, K = arch["convs_per_pool"], arch["num_pools"], arch["num_hidden"]
    plan = (["conv"] * (N - 1) + ["conv_pool"]) * M + ["fc_relu"] * K + ["fc"]
    a = X
    for l, kind in enumerate(plan, start=1):
        w, b = params["W%d" % l], params["b%d" % l]
        if kind.startswith("conv"):
            cp = {"stride": 1, "pad": w.shape[-1] // 2, "need_dx": l > 1}
            if kind == "conv_pool":
                a, c = conv_relu_pool_forward(a, w, b, cp, {"pool_height": 2, "pool_width": 2, "stride": 2})
            else:
                a, c = conv_relu_forward(a, w, b, cp)
        elif kind == "fc_relu":
            a, c = affine_relu_forward(a, w, b)
        else:
            a, c = affine_forward(a, w, b)
        caches.append(c)
    scores = a
