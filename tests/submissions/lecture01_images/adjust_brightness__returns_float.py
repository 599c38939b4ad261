# fails: test_adjust_brightness__dtype
    out = np.clip(img.astype(np.float64) + delta, 0, 255)
