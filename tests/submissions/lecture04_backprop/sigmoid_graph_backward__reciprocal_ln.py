# fails: test_sigmoid_graph_backward, test_sigmoid_graph_backward__numerical
    grads["y5"] = 1.0
    grads["y4"] = np.log(cache["y4"]) * grads["y5"]
    grads["y3"] = -np.exp(-cache["y3"]) * grads["y4"]
    grads["w0"] = grads["y1"] = grads["y2"] = grads["y3"]
    grads["w1"] = cache["x1"] * grads["y1"]
    grads["x1"] = cache["w1"] * grads["y1"]
    grads["w2"] = cache["x2"] * grads["y2"]
    grads["x2"] = cache["w2"] * grads["y2"]
