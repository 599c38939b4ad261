# fails: test_conv_output_shape
    if (H + 2 * pad - HH) % stride or (W + 2 * pad - WW) % stride:
        raise ValueError("the stride does not fit")
    shape = ((H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1, C)
