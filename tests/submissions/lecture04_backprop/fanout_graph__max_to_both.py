    s = x + y
    m = max(x, y)
    f = s * m
    ds, dm = m, s
    dx = ds + dm
    dy = ds + dm
