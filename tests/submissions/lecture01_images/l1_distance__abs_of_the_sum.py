# fails: test_l1_distance
    d = abs(np.sum(a.astype(float) - b.astype(float)))
