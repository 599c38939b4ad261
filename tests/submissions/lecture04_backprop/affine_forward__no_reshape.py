# caught by hidden tests only
    out = x @ w + b
