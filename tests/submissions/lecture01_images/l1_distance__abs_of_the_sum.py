    d = abs(np.sum(a.astype(float) - b.astype(float)))
