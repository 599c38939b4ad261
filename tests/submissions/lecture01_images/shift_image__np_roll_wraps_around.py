    out = np.roll(img, (dy, dx), axis=(0, 1))
