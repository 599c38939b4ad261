# fails: test_add_checkerboard, test_add_checkerboard__period, test_add_checkerboard__clipping, test_add_checkerboard__channels
    H, W = img.shape[:2]
    yy, xx = np.meshgrid(np.arange(H) // period, np.arange(W) // period, indexing="ij")
    sign = np.where((yy + xx) % 2 == 1, 1, -1)
    out = np.clip(img.astype(np.int64) + amplitude * sign[:, :, None], 0, 255).astype(np.uint8)
