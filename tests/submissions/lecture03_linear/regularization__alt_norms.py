# fails:
    penalties = {
        "l2": (np.linalg.norm(W) ** 2, 2 * W),
        "l1": (np.abs(W).sum(), np.sign(W)),
        "elastic": (beta * np.einsum("ij,ij->", W, W) + np.abs(W).sum(), 2 * beta * W + np.sign(W)),
    }
    if kind not in penalties:
        raise ValueError(f"unknown kind {kind}")
    R, dR = penalties[kind]
