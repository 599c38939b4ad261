# fails:
    H2 = (H + 2 * pad - HH) / stride + 1
    W2 = (W + 2 * pad - WW) / stride + 1
    if H2 != int(H2) or W2 != int(W2):
        raise ValueError(f"the output would be {H2} x {W2}: not whole numbers")
    shape = (int(H2), int(W2), F)
