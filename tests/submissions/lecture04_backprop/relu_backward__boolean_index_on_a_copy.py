# fails:
    # correct alternative: boolean indexing on a copy (the other subgradient at 0)
    dx = dout.copy()
    dx[x < 0] = 0
