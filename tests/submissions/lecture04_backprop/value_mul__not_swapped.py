    out = Value(a.data * b.data, parents=((a, a.data), (b, b.data)), op="*")
