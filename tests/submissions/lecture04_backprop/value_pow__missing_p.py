    out = Value(a.data ** p, parents=((a, a.data ** (p - 1)),), op=f"**{p}")
