# fails:
    # correct alternative: np.where
    out = np.where(x > 0, x, 0.0)
