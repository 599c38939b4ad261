# fails: test_sigmoid_graph_backward__numerical
# caught by hidden tests only
    dy5 = 1.0
    dy4 = -1 / cache["y4"] ** 2 * dy5
    # chain rule for exp(-y3), with the inner function instead of its derivative
    dy3 = -cache["y3"] * np.exp(-cache["y3"]) * dy4
    dw0 = dy1 = dy2 = dy3
    grads = {"w0": dw0, "w1": cache["x1"] * dy1, "x1": cache["w1"] * dy1,
             "w2": cache["x2"] * dy2, "x2": cache["w2"] * dy2,
             "y1": dy1, "y2": dy2, "y3": dy3, "y4": dy4, "y5": dy5}
