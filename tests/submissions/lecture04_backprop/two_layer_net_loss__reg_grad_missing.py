# fails: test_two_layer_net_loss__reg
    a1, c1 = layers["affine_forward"](X, W1, b1)
    h1, cr = layers["relu_forward"](a1)
    scores, c2 = layers["affine_forward"](h1, W2, b2)
    if y is not None:
        data_loss, ds = layers["loss"](scores, y)
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dh, grads["W2"], grads["b2"] = layers["affine_backward"](ds, c2)
        da = layers["relu_backward"](dh, cr)
        _, grads["W1"], grads["b1"] = layers["affine_backward"](da, c1)
