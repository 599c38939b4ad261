# fails: test_conv_output_shape__uneven_stride
    shape = ((H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1, F)
