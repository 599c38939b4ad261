# fails:
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride, pad = conv_param["stride"], conv_param["pad"]
    for size, k in ((H, HH), (W, WW)):
        if (size + 2 * pad - k) % stride:
            raise ValueError(f"{size} + 2*{pad} - {k} is not a multiple of stride {stride}: choose another pad")
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    # (N, C, H_pad - HH + 1, W_pad - WW + 1, HH, WW), then every stride-th window
    windows = np.lib.stride_tricks.sliding_window_view(x_pad, (HH, WW), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("nchwkl,fckl->nfhw", windows, w) + b[None, :, None, None]
