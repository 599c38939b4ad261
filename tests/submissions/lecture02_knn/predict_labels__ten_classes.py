# fails: test_predict_labels__majority_vote
# caught by hidden tests only
    num_test = dists.shape[0]
    votes = np.zeros((num_test, 10), dtype=int)  # CIFAR-10 has 10 classes
    nearest = np.argsort(dists, axis=1, kind="stable")[:, :k]
    for i in range(num_test):
        for label in y_train[nearest[i]]:
            votes[i, label] += 1
    y_pred = np.argmax(votes, axis=1)
