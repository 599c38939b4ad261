    out = Value(a.data * b.data, parents=((a.data, b.data), (b.data, a.data)), op="*")
