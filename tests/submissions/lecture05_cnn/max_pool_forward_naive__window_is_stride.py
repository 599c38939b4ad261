# fails: test_max_pool_forward_naive__3x3
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    if (H - ph) % s or (W - pw) % s:
        raise ValueError(f"(H - pool_height) = {H - ph} or (W - pool_width) = {W - pw} is not divisible by {s}")
    H_out, W_out = 1 + (H - ph) // s, 1 + (W - pw) // s
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * s:(i + 1) * s, j * s:(j + 1) * s]  # windows side by side
            out[:, :, i, j] = window.max(axis=(2, 3))
