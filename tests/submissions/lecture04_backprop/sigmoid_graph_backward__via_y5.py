# fails:
    # correct alternative: dL/dy4 = -y5**2 (= -1/y4**2), numpy scalars, in-place dict updates
    y5 = cache["y5"]
    grads.update(y5=1.0, y4=-y5 * y5)
    grads["y3"] = grads["y4"] * -(cache["y4"] - 1.0)
    for name in ("w0", "y1", "y2"):
        grads[name] = grads["y3"]
    grads.update(w1=grads["y1"] * cache["x1"], x1=grads["y1"] * cache["w1"],
                 w2=grads["y2"] * cache["x2"], x2=grads["y2"] * cache["w2"])
