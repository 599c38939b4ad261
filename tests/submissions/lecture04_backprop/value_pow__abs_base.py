# caught by hidden tests only
    out = Value(a.data ** p, parents=((a, p * abs(a.data) ** (p - 1)),), op=f"**{p}")
