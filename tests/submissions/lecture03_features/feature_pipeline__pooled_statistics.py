# fails: test_feature_pipeline, test_feature_pipeline__train_stats, test_feature_pipeline__constant
    F_all = np.vstack([np.hstack(train_blocks), np.hstack(val_blocks), np.hstack(test_blocks)])
    mean, std = F_all.mean(axis=0), F_all.std(axis=0)
    std = np.where(std > 0, std, 1)
    F_train, F_val, F_test = (np.hstack([(np.hstack(b) - mean) / std, np.ones((len(b[0]), 1))])
                              for b in (train_blocks, val_blocks, test_blocks))
