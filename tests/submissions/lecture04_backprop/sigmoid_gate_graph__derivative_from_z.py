    z = w0 + w1 * x1 + w2 * x2
    L = 1 / (1 + np.exp(-z))
    dz = z * (1 - z)
    grads = {"w0": dz, "w1": x1 * dz, "w2": x2 * dz, "x1": w1 * dz, "x2": w2 * dz}
