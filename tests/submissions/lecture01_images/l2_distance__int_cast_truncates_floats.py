# fails: test_l2_distance__floats
# caught by hidden tests only
    diff = a.astype(np.int64) - b.astype(np.int64)
    d = np.sqrt(np.sum(diff * diff))
