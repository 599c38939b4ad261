    dx = dout * (x < 0)
