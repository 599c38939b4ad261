    out = np.minimum(x, 0)
