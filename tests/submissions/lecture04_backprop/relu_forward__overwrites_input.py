# caught by hidden tests only
    x[x < 0] = 0
    out = x
