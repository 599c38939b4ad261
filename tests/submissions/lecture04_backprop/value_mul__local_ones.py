    out = Value(a.data * b.data, parents=((a, 1.0), (b, 1.0)), op="*")
