    out = (x > 0).astype(x.dtype)
