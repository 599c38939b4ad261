    y_pred = X @ W
