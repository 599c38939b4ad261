    y1 = w1 * x1
    y2 = w2 * x1
    y3 = w0 + y1 + y2
    y4 = 1 + np.exp(-y3)
    y5 = 1 / y4
    cache = {"w0": w0, "w1": w1, "w2": w2, "x1": x1, "x2": x2,
             "y1": y1, "y2": y2, "y3": y3, "y4": y4, "y5": y5}
    L = y5
