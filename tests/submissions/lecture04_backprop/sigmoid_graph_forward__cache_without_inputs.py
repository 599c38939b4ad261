# caught by hidden tests only
    cache["y1"] = w1 * x1
    cache["y2"] = w2 * x2
    cache["y3"] = w0 + cache["y1"] + cache["y2"]
    cache["y4"] = 1 + np.exp(-cache["y3"])
    cache["y5"] = 1 / cache["y4"]
    L = cache["y5"]
