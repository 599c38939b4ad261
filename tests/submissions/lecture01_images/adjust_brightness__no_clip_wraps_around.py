    out = img + delta
