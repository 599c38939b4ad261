# fails: test_normalize_patches, test_normalize_patches__flat
    normed = patches
