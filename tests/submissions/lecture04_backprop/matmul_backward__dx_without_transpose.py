# fails: test_matmul_backward, test_matmul_backward__batch
    dx = dout @ W
    dW = x.T @ dout
