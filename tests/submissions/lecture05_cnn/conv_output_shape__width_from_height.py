# fails: test_conv_output_shape, test_conv_output_shape__uneven_stride
# caught by hidden tests only
    if (H + 2 * pad - HH) % stride:
        raise ValueError("the stride does not fit")
    side = (H + 2 * pad - HH) // stride + 1
    shape = (side, side, F)
