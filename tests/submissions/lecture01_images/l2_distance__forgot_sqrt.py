    diff = a.astype(np.float64) - b.astype(np.float64)
    d = np.sum(diff ** 2)
