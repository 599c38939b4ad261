# caught by hidden tests only
    dx = dout
    dx[x <= 0] = 0
