# fails:
    # correct alternative: the penalty and its gradient in a loop over the weight matrices
    a1, c1 = layers["affine_forward"](X, W1, b1)
    h1, cr = layers["relu_forward"](a1)
    scores, c2 = layers["affine_forward"](h1, W2, b2)
    if y is not None:
        loss, ds = layers["loss"](scores, y)
        dh, grads["W2"], grads["b2"] = layers["affine_backward"](ds, c2)
        _, grads["W1"], grads["b1"] = layers["affine_backward"](layers["relu_backward"](dh, cr), c1)
        for name in ("W1", "W2"):
            loss += reg * np.sum(params[name] * params[name])
            grads[name] = grads[name] + 2.0 * reg * params[name]
