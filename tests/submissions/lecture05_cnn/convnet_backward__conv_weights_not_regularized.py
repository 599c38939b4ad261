# fails: test_convnet_backward__reg
    N, M, K = arch["convs_per_pool"], arch["num_pools"], arch["num_hidden"]
    L = N * M + K + 1
    loss, dout = softmax_loss(scores, y)
    dout, grads[f"W{L}"], grads[f"b{L}"] = affine_backward(dout, caches[L - 1])
    for l in range(L - 1, N * M, -1):
        dout, grads[f"W{l}"], grads[f"b{l}"] = affine_relu_backward(dout, caches[l - 1])
    for l in range(N * M, 0, -1):
        backward = conv_relu_pool_backward if l % N == 0 else conv_relu_backward
        dout, grads[f"W{l}"], grads[f"b{l}"] = backward(dout, caches[l - 1])
    # L2 regularization of the fully connected weights
    for l in range(N * M + 1, L + 1):
        W = params[f"W{l}"]
        loss += reg * np.sum(W * W)
        grads[f"W{l}"] += 2 * reg * W
