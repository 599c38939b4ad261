    out = Value(a.data ** p, parents=((a, p * a.data ** p),), op=f"**{p}")
