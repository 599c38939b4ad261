# caught by hidden tests only
    # a ** p = exp(p ln a)
    out = Value(np.exp(p * np.log(a.data)),
                parents=((a, p * np.exp((p - 1) * np.log(a.data))),), op=f"**{p}")
