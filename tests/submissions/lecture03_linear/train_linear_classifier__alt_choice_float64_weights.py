# fails:
    W = weight_scale * rng.standard_normal((D, C))
    for it in range(num_iters):
        idx = rng.choice(N, size=batch_size, replace=True)
        loss, dW = loss_fn(W, X[idx], y[idx], reg)
        loss_history.append(loss)
        W -= learning_rate * dW
        if (it + 1) % max(1, N // batch_size) == 0:
            learning_rate *= lr_decay
