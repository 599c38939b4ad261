# fails: test_l2_distance
    diff = (a - b).astype(np.float64)
    d = np.sqrt(np.sum(diff ** 2))
