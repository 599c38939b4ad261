# caught by hidden tests only
    local = {a: b.data, b: a.data}  # one entry per parent
    out = Value(a.data * b.data, parents=tuple(local.items()), op="*")
