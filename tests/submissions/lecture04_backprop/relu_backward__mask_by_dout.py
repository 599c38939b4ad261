    dx = dout * (dout > 0)
