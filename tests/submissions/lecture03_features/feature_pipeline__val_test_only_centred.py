# fails: test_feature_pipeline__train_stats
# caught by hidden tests only
    F_train = np.hstack(train_blocks)
    mean, std = F_train.mean(axis=0), F_train.std(axis=0)
    std = np.where(std > 0, std, 1)
    F_train = np.hstack([(F_train - mean) / std, np.ones((len(F_train), 1))])
    F_val = np.hstack([np.hstack(val_blocks) - mean, np.ones((len(val_blocks[0]), 1))])
    F_test = np.hstack([np.hstack(test_blocks) - mean, np.ones((len(test_blocks[0]), 1))])
