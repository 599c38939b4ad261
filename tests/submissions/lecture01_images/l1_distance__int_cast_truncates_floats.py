# fails: test_l1_distance
# caught by hidden tests only
    # cast to int so that negative differences don't wrap around
    diff = a.astype(np.int64) - b.astype(np.int64)
    d = float(np.sum(np.abs(diff)))
