    d = np.sum(np.abs(a - b))
