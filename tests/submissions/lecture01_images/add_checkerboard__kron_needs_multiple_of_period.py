# fails: test_add_checkerboard__period
# caught by hidden tests only
    H, W = img.shape[:2]
    small = np.indices((H // period, W // period)).sum(axis=0) % 2  # 0 on white squares
    sign = np.kron(1 - 2 * small, np.ones((period, period), dtype=np.int64))  # (H, W)
    out = np.clip(img.astype(np.int64) + amplitude * sign[:, :, None], 0, 255).astype(np.uint8)
