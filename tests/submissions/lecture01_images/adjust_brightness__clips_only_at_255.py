# fails: test_adjust_brightness__darken
# caught by hidden tests only
    out = np.minimum(img.astype(np.int64) + delta, 255).astype(np.uint8)
