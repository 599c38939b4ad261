"""Shared fixtures: a tiny CIFAR-10 look-alike written to disk in the official python layout."""
import pickle
from pathlib import Path

import numpy as np
import pytest

BATCH_FILES = ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
               "test_batch")
# the real batches.meta spells the names out; the package's CIFAR10_CLASSES abbreviates two
FAKE_LABEL_NAMES = ["airplane", "automobile", "bird", "cat", "deer",
                    "dog", "frog", "horse", "ship", "truck"]


def write_batch(path, data, labels):
    """Write one batch file like CIFAR-10's: data uint8 (k, 3072) rows in R, G, B plane order."""
    batch = {
        "batch_label": Path(path).name,
        "data": np.asarray(data, dtype=np.uint8),
        "labels": [int(v) for v in labels],
        "filenames": [f"img_{i}.png" for i in range(len(labels))],
    }
    with open(path, "wb") as f:
        pickle.dump(batch, f, protocol=2)


def write_fake_cifar(folder, n_per_batch=20, seed=0):
    """Write the 7 files of `cifar-10-batches-py` with `n_per_batch` random images per batch.

    Inputs:
    - folder: the `cifar-10-batches-py` folder to write (created if missing)
    - n_per_batch: images in each of the five training batches and in the test batch
    - seed: seed of the generator for pixels and labels

    Returns the folder as a Path.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for name in BATCH_FILES:
        data = rng.integers(0, 256, size=(n_per_batch, 3072), dtype=np.uint8)
        labels = rng.integers(0, 10, size=n_per_batch)
        write_batch(folder / name, data, labels)
    meta = {"label_names": FAKE_LABEL_NAMES, "num_cases_per_batch": n_per_batch, "num_vis": 3072}
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump(meta, f, protocol=2)
    return folder


@pytest.fixture
def fake_cifar(tmp_path):
    """Path of a fake `cifar-10-batches-py` folder under tmp_path/data (20 images per batch)."""
    return write_fake_cifar(tmp_path / "data" / "cifar-10-batches-py")


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a throwaway PostgreSQL database on a Unix socket; skips when no server is installed.

    The cluster lives in a temporary folder, listens on no TCP address, and is stopped at the end.
    """
    import glob
    import os
    import shutil
    import subprocess
    import tempfile

    bindir = shutil.which("pg_ctl") and os.path.dirname(os.path.realpath(shutil.which("pg_ctl")))
    bindir = bindir or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"))), None)
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        pytest.skip("psycopg2 is not installed (pip install -e '.[postgres]')")
    if not bindir or not os.path.exists(os.path.join(bindir, "initdb")):
        pytest.skip("no PostgreSQL server installed")
    # a folder of its own under /tmp: the server's user must be able to reach it
    base = Path(tempfile.mkdtemp(prefix="cs231n-postgres-"))
    as_user = []
    if os.geteuid() == 0:  # the server refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        os.chmod(base, 0o777)
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    os.chmod(sock, 0o777)
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    run(f"{bindir}/initdb", "-D", str(data), "-U", "grader", "--auth=trust")
    run(f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(base / "log"), "-o",
        f"-c listen_addresses='' -c unix_socket_directories={sock}", "start")
    try:
        run(f"{bindir}/createdb", "-h", str(sock), "-U", "grader", "gradebook")
        yield f"postgresql+psycopg2://grader@/gradebook?host={sock}"
    finally:
        run(f"{bindir}/pg_ctl", "-D", str(data), "-m", "fast", "stop")
        shutil.rmtree(base, ignore_errors=True)
