    dx = (x > 0).astype(dout.dtype)
