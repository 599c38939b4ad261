# fails:
    p = np.asarray(patches, dtype=np.float32)
    centred = p - p.mean(axis=1)[:, None]
    normed = centred / np.sqrt(np.square(p.std(axis=1)) + np.float32(eps))[:, None]
