# fails: test_train_linear_classifier__batches
    W = weight_scale * rng.standard_normal((D, C))
    idx = rng.integers(N, size=batch_size)
    for it in range(num_iters):
        loss, dW = loss_fn(W, X[idx], y[idx], reg)
        loss_history.append(loss)
        W -= learning_rate * dW
        if (it + 1) % max(1, N // batch_size) == 0:
            learning_rate *= lr_decay
