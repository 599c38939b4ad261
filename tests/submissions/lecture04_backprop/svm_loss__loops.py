# fails:
    # correct alternative: explicit loops over examples and classes
    N, C = x.shape
    dx = np.zeros(x.shape)
    for i in range(N):
        for j in range(C):
            if j == y[i]:
                continue
            margin = x[i, j] - x[i, y[i]] + 1
            if margin > 0:
                loss += margin / N
                dx[i, j] += 1 / N
                dx[i, y[i]] -= 1 / N
