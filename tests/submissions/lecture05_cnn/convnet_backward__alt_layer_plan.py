# fails:
    N, M, K = arch["convs_per_pool"], arch["num_pools"], arch["num_hidden"]
    plan = (["conv"] * (N - 1) + ["conv_pool"]) * M + ["fc_relu"] * K + ["fc"]
    backward = {"conv": conv_relu_backward, "conv_pool": conv_relu_pool_backward,
                "fc_relu": affine_relu_backward, "fc": affine_backward}
    data_loss, d = softmax_loss(scores, y)
    reg_loss = 0.0
    for l in reversed(range(1, len(plan) + 1)):
        d, dW, db = backward[plan[l - 1]](d, caches[l - 1])
        W = params["W%d" % l]
        reg_loss += np.sum(W ** 2)
        grads["W%d" % l] = dW + 2 * reg * W
        grads["b%d" % l] = db
    loss = data_loss + reg * reg_loss
