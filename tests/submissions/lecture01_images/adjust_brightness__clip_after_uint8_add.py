    out = np.clip(img + delta, 0, 255).astype(np.uint8)
