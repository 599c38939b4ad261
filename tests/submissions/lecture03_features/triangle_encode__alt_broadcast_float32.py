# fails:
    p = np.asarray(patches, dtype=np.float32)
    c = np.asarray(centroids, dtype=np.float32)
    z = np.linalg.norm(p[:, None, :] - c[None, :, :], axis=2)
    codes = np.clip(z.mean(axis=1)[:, None] - z, 0, None)
