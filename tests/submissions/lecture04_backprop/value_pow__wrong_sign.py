    out = Value(a.data ** p, parents=((a, -p * a.data ** (p - 1)),), op=f"**{p}")
