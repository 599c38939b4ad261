    d = np.sqrt(np.sum((a - b) ** 2))
