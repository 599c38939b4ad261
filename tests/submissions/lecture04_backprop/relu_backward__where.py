# fails:
    # correct alternative: np.where
    dx = np.where(x > 0, dout, 0)
