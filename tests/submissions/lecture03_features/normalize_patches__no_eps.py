# fails: test_normalize_patches, test_normalize_patches__flat
    mean = patches.mean(axis=1, keepdims=True)
    std = patches.std(axis=1, keepdims=True)
    normed = (patches - mean) / std
