# fails:
    F_train = np.concatenate([np.asarray(b, dtype=np.float32) for b in train_blocks], axis=1)
    mu = F_train.mean(axis=0, keepdims=True)
    sigma = F_train.std(axis=0, keepdims=True)
    sigma[sigma == 0] = 1
    def transform(blocks):
        F = (np.concatenate([np.asarray(b, dtype=np.float32) for b in blocks], axis=1) - mu) / sigma
        return np.concatenate([F, np.ones((F.shape[0], 1), dtype=np.float32)], axis=1)
    F_train, F_val, F_test = transform(train_blocks), transform(val_blocks), transform(test_blocks)
