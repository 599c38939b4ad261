    s = x + y
    m = max(x, y)
    f = s * m
    ds, dm = s, m
    dx = ds + (dm if x > y else 0.0)
    dy = ds + (dm if y > x else 0.0)
