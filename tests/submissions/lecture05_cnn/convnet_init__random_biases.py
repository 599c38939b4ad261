# fails: test_convnet_init__scale
    C, H, W = input_dim
    l = 1
    for F_out in num_filters:
        for _ in range(convs_per_pool):
            std = np.sqrt(2.0 / (C * filter_size ** 2)) if weight_scale is None else weight_scale
            params[f"W{l}"] = (std * rng.standard_normal((F_out, C, filter_size, filter_size))).astype(dtype)
            params[f"b{l}"] = (std * rng.standard_normal(F_out)).astype(dtype)
            C, l = F_out, l + 1
        H, W = H // 2, W // 2
    D = C * H * W
    for D_out in list(hidden_dims) + [num_classes]:
        std = np.sqrt(2.0 / D) if weight_scale is None else weight_scale
        params[f"W{l}"] = (std * rng.standard_normal((D, D_out))).astype(dtype)
        params[f"b{l}"] = (std * rng.standard_normal(D_out)).astype(dtype)
        D, l = D_out, l + 1
