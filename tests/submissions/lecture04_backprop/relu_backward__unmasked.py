    dx = dout
