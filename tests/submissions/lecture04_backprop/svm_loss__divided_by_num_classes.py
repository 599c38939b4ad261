# fails: test_svm_loss, test_svm_loss__grad
# caught by hidden tests only
    num = x.shape[1]
    margins = np.maximum(0, x - x[np.arange(x.shape[0]), y][:, None] + 1)
    margins[np.arange(x.shape[0]), y] = 0
    loss = margins.sum() / num
    mask = (margins > 0).astype(float)
    mask[np.arange(x.shape[0]), y] = -mask.sum(axis=1)
    dx = mask / num
