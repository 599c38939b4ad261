# fails:
    # correct alternative: in-place operations on a copy, boolean indexing
    out = x.copy()
    out[out < 0] = 0
