# fails: test_feature_pipeline__train_stats, test_feature_pipeline__constant
    F_train, F_val, F_test = np.hstack(train_blocks), np.hstack(val_blocks), np.hstack(test_blocks)
    mean, std = F_train.mean(axis=0), F_train.std(axis=0)
    std = np.where(std > 0, std, 1)
    F_train, F_val = (F_train - mean) / std, (F_val - mean) / std
    test_std = F_test.std(axis=0)
    F_test = (F_test - F_test.mean(axis=0)) / np.where(test_std > 0, test_std, 1)
    F_train, F_val, F_test = (np.hstack([F, np.ones((len(F), 1))]) for F in (F_train, F_val, F_test))
