# fails: test_adjust_brightness, test_adjust_brightness__darken
    out = np.clip(img + delta, 0, 255).astype(np.uint8)
