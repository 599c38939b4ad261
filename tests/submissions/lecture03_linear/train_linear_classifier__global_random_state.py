# fails: test_train_linear_classifier__batches
# caught by hidden tests only
    W = weight_scale * rng.standard_normal((D, C))
    for it in range(num_iters):
        idx = np.random.choice(N, batch_size)
        loss, dW = loss_fn(W, X[idx], y[idx], reg)
        loss_history.append(loss)
        W -= learning_rate * dW
        if (it + 1) % max(1, N // batch_size) == 0:
            learning_rate *= lr_decay
