# fails: test_normalize_patches, test_normalize_patches__flat
# caught by hidden tests only
    mean = patches.mean(axis=1, keepdims=True)
    var = patches.var(axis=1, keepdims=True)
    normed = (patches - mean) / np.sqrt(var + 10)
