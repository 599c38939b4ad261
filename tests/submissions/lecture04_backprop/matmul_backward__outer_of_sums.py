# fails: test_matmul_backward, test_matmul_backward__batch
# caught by hidden tests only
    dx = dout @ W.T
    dW = np.outer(x.sum(axis=0), dout.sum(axis=0))
