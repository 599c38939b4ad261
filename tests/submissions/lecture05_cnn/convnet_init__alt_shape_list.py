# fails:
    C, H, W = input_dim
    M = len(num_filters)
    shapes = []
    depth = C
    for F_out in num_filters:
        for _ in range(convs_per_pool):
            shapes.append((F_out, depth, filter_size, filter_size))
            depth = F_out
    sizes = [depth * (H // 2 ** M) * (W // 2 ** M)] + list(hidden_dims) + [num_classes]
    shapes += [(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]
    for l, shape in enumerate(shapes, start=1):
        fan_in = np.prod(shape[1:]) if len(shape) == 4 else shape[0]
        scale = weight_scale if weight_scale is not None else np.sqrt(2 / fan_in)
        params["W%d" % l] = rng.normal(0.0, scale, size=shape).astype(dtype)
        params["b%d" % l] = np.zeros(shape[0] if len(shape) == 4 else shape[1], dtype=dtype)
