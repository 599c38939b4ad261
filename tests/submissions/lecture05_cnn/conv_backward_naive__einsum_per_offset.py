# fails:
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    s, pad = conv_param["stride"], conv_param["pad"]
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dx_pad = np.zeros(x_pad.shape)
    dw = np.zeros(w.shape)
    # one filter offset (k, l) at a time: every output position at once
    for k in range(HH):
        for l in range(WW):
            patch = x_pad[:, :, k:k + s * (H_out - 1) + 1:s, l:l + s * (W_out - 1) + 1:s]
            dw[:, :, k, l] = np.einsum("nfhw,nchw->fc", dout, patch)
            dx_pad[:, :, k:k + s * (H_out - 1) + 1:s, l:l + s * (W_out - 1) + 1:s] += np.einsum("nfhw,fc->nchw", dout, w[:, :, k, l])
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    db = dout.sum(axis=(0, 2, 3))
