# fails: test_l2_distance
    d = np.sqrt(np.sum((a - b) ** 2))
