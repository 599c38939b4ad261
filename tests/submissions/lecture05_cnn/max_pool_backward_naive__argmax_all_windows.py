# fails:
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    # every window as a row of ph * pw entries; argmax picks the first maximum
    for i in range(H_out):
        for j in range(W_out):
            flat = x[:, :, i * s:i * s + ph, j * s:j * s + pw].reshape(N, C, ph * pw)
            first = np.argmax(flat, axis=2)
            rows, cols = i * s + first // pw, j * s + first % pw
            n_idx, c_idx = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
            np.add.at(dx, (n_idx, c_idx, rows, cols), dout[:, :, i, j])
