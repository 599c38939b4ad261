# fails:
    # correct alternative: einsum on rows, float32 kept
    rows = np.reshape(x, (len(x), np.prod(x.shape[1:], dtype=int)))
    out = np.einsum("nd,dm->nm", rows, w) + b
