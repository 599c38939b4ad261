# fails: test_feature_pipeline__constant
    F_train = np.hstack(train_blocks)
    mean, std = F_train.mean(axis=0), F_train.std(axis=0)
    F_train, F_val, F_test = (np.hstack([(np.hstack(b) - mean) / std, np.ones((len(b[0]), 1))])
                              for b in (train_blocks, val_blocks, test_blocks))
