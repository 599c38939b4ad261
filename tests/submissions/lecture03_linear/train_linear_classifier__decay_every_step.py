# fails: test_train_linear_classifier
# caught by hidden tests only
    W = weight_scale * rng.standard_normal((D, C))
    for it in range(num_iters):
        idx = rng.integers(N, size=batch_size)
        loss, dW = loss_fn(W, X[idx], y[idx], reg)
        loss_history.append(loss)
        W -= learning_rate * dW
        learning_rate *= lr_decay
