    s = x + y
    m = max(x, y)
    f = s * m
    ds, dm = m, s
    dx = ds
    dy = ds
    if x > y:
        dx = dm
    else:
        dy = dm
