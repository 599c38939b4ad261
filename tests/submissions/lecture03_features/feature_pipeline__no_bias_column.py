# fails: test_feature_pipeline, test_feature_pipeline__train_stats, test_feature_pipeline__constant
    F_train = np.hstack(train_blocks)
    mean, std = F_train.mean(axis=0), F_train.std(axis=0)
    std = np.where(std > 0, std, 1)
    F_train, F_val, F_test = ((np.hstack(b) - mean) / std for b in (train_blocks, val_blocks, test_blocks))
