# fails: test_adjust_brightness, test_adjust_brightness__darken, test_adjust_brightness__dtype
    out = img + delta
