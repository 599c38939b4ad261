    diff = a.astype(np.float64) - b.astype(np.float64)
    d = np.sqrt(np.mean(diff ** 2))
