# fails:
    # a correct alternative: float32 is exact for sums of pixel differences
    d = np.abs(a.astype(np.float32) - b.astype(np.float32)).sum()
