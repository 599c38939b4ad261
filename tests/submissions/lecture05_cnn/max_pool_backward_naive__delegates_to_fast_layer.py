# fails: test_max_pool_backward_naive, test_max_pool_backward_naive__ties, test_max_pool_backward_naive__overlap
# caught by hidden tests only
    from cs231n_utils import fast_layers
    x, pool_param = cache
    out = fast_layers.max_pool_forward_fast(x, pool_param)[0]
    dx = fast_layers.max_pool_backward_fast(dout, (x, out, pool_param))
