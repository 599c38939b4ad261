# fails:
    # a correct alternative: int16 holds every sum of a pixel value and a delta in -32768..32767
    out = np.clip(img.astype(np.int16) + delta, 0, 255).astype(np.uint8)
