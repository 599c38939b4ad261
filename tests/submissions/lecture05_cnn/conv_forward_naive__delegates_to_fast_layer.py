# fails: test_conv_forward_naive, test_conv_forward_naive__stride_pad, test_conv_forward_naive__bias, test_conv_forward_naive__uneven_stride
# caught by hidden tests only
    out, _ = conv_forward_fast(x, w, b, conv_param)
