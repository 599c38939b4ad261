# fails: test_two_layer_net_loss__reg
# caught by hidden tests only
    a1, c1 = layers["affine_forward"](X, W1, b1)
    h1, cr = layers["relu_forward"](a1)
    scores, c2 = layers["affine_forward"](h1, W2, b2)
    if y is not None:
        loss, ds = layers["loss"](scores, y)
        dh, dW2, grads["b2"] = layers["affine_backward"](ds, c2)
        da = layers["relu_backward"](dh, cr)
        _, dW1, grads["b1"] = layers["affine_backward"](da, c1)
        grads["W1"] = dW1 + 2 * reg * W1
        grads["W2"] = dW2 + 2 * reg * W2
