    z = w0 + w1 * x1 + w2 * x2
    L = 1 / (1 + np.exp(-z))
    dz = L * (1 - L)
    grads = {"w0": dz, "w1": w1 * dz, "w2": w2 * dz, "x1": x1 * dz, "x2": x2 * dz}
