# fails:
    # a correct alternative: the Frobenius norm of the difference
    d = np.linalg.norm(a.astype(float) - b.astype(float))
