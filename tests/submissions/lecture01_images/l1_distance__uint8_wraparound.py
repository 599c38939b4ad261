# fails: test_l1_distance
    d = np.sum(np.abs(a - b))
