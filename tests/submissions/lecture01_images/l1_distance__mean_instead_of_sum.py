# fails: test_l1_distance
    diff = a.astype(np.float64) - b.astype(np.float64)
    d = np.mean(np.abs(diff))
