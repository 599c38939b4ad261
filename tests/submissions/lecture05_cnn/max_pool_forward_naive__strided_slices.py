# fails:
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    if (H - ph) % s or (W - pw) % s:
        raise ValueError(f"the {ph}x{pw} window with stride {s} does not tile a {H}x{W} input")
    H_out, W_out = 1 + (H - ph) // s, 1 + (W - pw) // s
    # the maximum over the window offsets, each offset one strided slice of x
    out = np.full((N, C, H_out, W_out), -np.inf, dtype=x.dtype)
    for k in range(ph):
        for l in range(pw):
            out = np.maximum(out, x[:, :, k:k + s * (H_out - 1) + 1:s, l:l + s * (W_out - 1) + 1:s])
