# fails: test_two_layer_net_loss
    a1, c1 = layers["affine_forward"](X, W1, b1)
    h1, cr = layers["relu_forward"](a1)
    scores, c2 = layers["affine_forward"](h1, W2, b2)
    if y is not None:
        data_loss, ds = layers["loss"](scores, y)
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dh, dW2, grads["b2"] = layers["affine_backward"](ds, c2)
        _, dW1, grads["b1"] = layers["affine_backward"](dh, c1)
        grads["W1"] = dW1 + 2 * reg * W1
        grads["W2"] = dW2 + 2 * reg * W2
