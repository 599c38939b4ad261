# fails: test_l2_distance, test_l2_distance__floats
    diff = a.astype(np.float64) - b.astype(np.float64)
    d = np.sqrt(np.mean(diff ** 2))
