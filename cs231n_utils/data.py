"""Load CIFAR-10 (official "python version" layout) or the built-in offline dataset.

Where the data comes from, in order:
1. the `root` argument;
2. the `CS231N_DATA_DIR` environment variable;
3. a `datasets/` folder in the current directory or any parent (a notebook in
   `assignments/lecture02_knn/` finds the course folder's `datasets/`);
4. the `datasets/` folder next to this package in a source checkout.
Each may name either the folder that contains `cifar-10-batches-py` or that folder itself.
Nothing is ever downloaded here: `datasets/get_datasets.sh` does that, once.

`load_dataset` falls back to the offline dataset only when no location was given (1., 2.)
and the search (3., 4.) found nothing; a location that was given but holds no CIFAR-10, or
a CIFAR-10 folder with a missing or damaged batch, is an error that says what to fix.
Setting `CS231N_DATASET=synthetic` forces the offline dataset even when CIFAR-10 is present;
`describe_dataset()` says in one line which dataset the notebooks will load.
"""
import os
import pickle
from collections import namedtuple
from pathlib import Path

import numpy as np

from .checks import check_array
from .synthetic import make_synthetic_images

__all__ = [
    "CIFAR10_CLASSES",
    "Dataset",
    "find_cifar10_dir",
    "load_cifar10_batch",
    "load_cifar10",
    "load_dataset",
    "describe_dataset",
    "split_data",
    "preprocess_rows",
]

CIFAR10_CLASSES = (
    "plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
)
BATCH_DIR = "cifar-10-batches-py"
BATCH_FILES = ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
               "test_batch")
SCRIPT = "get_datasets.sh"
# the `datasets/` folder next to this package in a source checkout (or a student folder)
_PACKAGE_DATASETS = Path(__file__).resolve().parent.parent / "datasets"

Dataset = namedtuple("Dataset", "X_train y_train X_test y_test class_names name")
Dataset.__doc__ = """Images and labels of one dataset.

- X_train: uint8 array of shape (N_train, 32, 32, 3); X_test likewise
- y_train: int64 array of shape (N_train,); y_test likewise
- class_names: tuple of 10 strings
- name: where the data came from, e.g. "CIFAR-10 (/path/cifar-10-batches-py)"
"""


class _NothingFound(FileNotFoundError):
    """No location was configured and the search found no CIFAR-10: the offline set may stand in."""


def _search_paths():
    here = Path.cwd().resolve()
    return [*(folder / "datasets" for folder in (here, *here.parents)), _PACKAGE_DATASETS]


def _script_command():
    """How to run the download script: its real path when it can be found."""
    for datasets in _search_paths():
        if (datasets / SCRIPT).is_file():
            return f"`bash {datasets / SCRIPT}`"
    return f"`bash datasets/{SCRIPT}` in your course folder (the one that holds datasets/)"


def _requested(root):
    """(path, how it was asked for, how to stop asking) for an explicit location, else None."""
    if root is not None:
        return Path(root), f"the data folder {root}", "pass no root"
    if os.environ.get("CS231N_DATA_DIR"):
        value = os.environ["CS231N_DATA_DIR"]
        return Path(value), f"CS231N_DATA_DIR={value}", "unset CS231N_DATA_DIR"
    return None


def _batch_folder(base):
    """`base` or `base/cifar-10-batches-py`, whichever holds any CIFAR-10 file, else None."""
    for folder in (base, base / BATCH_DIR):
        if any((folder / f).is_file() for f in (*BATCH_FILES, "batches.meta")):
            return folder
    return None


def _from_script(folder):
    """True for the folder that datasets/get_datasets.sh writes (it can write it again)."""
    folder = Path(folder)
    return folder.name == BATCH_DIR and (folder.parent / SCRIPT).is_file()


def _repair_hint(folder):
    """What to do about a damaged or incomplete CIFAR-10 folder."""
    if _from_script(folder):
        return (f"Delete the folder {folder} and run `bash {Path(folder).parent / SCRIPT}` "
                "again to download a fresh copy.")
    return (f"Extract a good copy of cifar-10-python.tar.gz over it (`tar -xzf "
            f"cifar-10-python.tar.gz -C {Path(folder).parent}`), or set CS231N_DATA_DIR to a "
            "folder that holds a complete copy.")


def find_cifar10_dir(root=None):
    """Return the path of a complete `cifar-10-batches-py` folder, or raise FileNotFoundError.

    Inputs:
    - root: folder that contains `cifar-10-batches-py` (or is it); None searches as the
      module docstring describes.

    A location given through `root` or `CS231N_DATA_DIR` must hold CIFAR-10; a folder that
    lacks one of the batch files is an error, wherever it was found.
    """
    requested = _requested(root)
    if requested is not None:
        base, how, instead = requested
        if not base.is_dir():
            raise FileNotFoundError(
                f"{how}: no such folder. Name the folder that contains {BATCH_DIR} (or "
                f"{BATCH_DIR} itself), or {instead} to search the datasets/ folders."
            )
        folder = _batch_folder(base)
        if folder is None:
            raise FileNotFoundError(
                f"{how}: no CIFAR-10 there (neither {base} nor {base / BATCH_DIR} holds "
                f"{', '.join(BATCH_FILES)}). Name the folder that contains {BATCH_DIR}, "
                f"or {instead} and download CIFAR-10 with {_script_command()}."
            )
    else:
        tried = _search_paths()
        folder = next((f for f in map(_batch_folder, tried) if f is not None), None)
        if folder is None:
            raise _NothingFound(
                f"CIFAR-10 was not found (looked for {BATCH_DIR} in: "
                f"{', '.join(map(str, tried))}). Download it once with {_script_command()}, "
                f"or set CS231N_DATA_DIR to a folder that contains {BATCH_DIR}."
            )
    missing = [f for f in BATCH_FILES if not (folder / f).is_file()]
    if missing:
        raise FileNotFoundError(
            f"CIFAR-10 in {folder} is incomplete: {', '.join(missing)} missing. "
            f"{_repair_hint(folder)}"
        )
    return folder


def load_cifar10_batch(path):
    """Load one batch file.

    Inputs:
    - path: path of `data_batch_k` or `test_batch`

    Returns a tuple (X, y):
    - X: uint8 array of shape (10000, 32, 32, 3) (fewer rows for a smaller batch file)
    - y: int64 array of shape (10000,)
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"CIFAR-10 batch file {path} is missing. {_repair_hint(path.parent)}")
    try:
        with open(path, "rb") as f:
            batch = pickle.load(f, encoding="latin1")
        data = np.asarray(batch["data"], dtype=np.uint8)
        labels = np.asarray(batch["labels"], dtype=np.int64)
        X = data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    except Exception as e:  # truncated, corrupt, or not a CIFAR-10 batch at all
        raise ValueError(
            f"CIFAR-10 batch file {path} is corrupt or truncated ({type(e).__name__}: {e}). "
            f"{_repair_hint(path.parent)}"
        ) from None
    if len(X) != len(labels):
        raise ValueError(
            f"CIFAR-10 batch file {path} has {len(X)} images but {len(labels)} labels. "
            f"{_repair_hint(path.parent)}"
        )
    return np.ascontiguousarray(X), labels


def load_cifar10(root=None):
    """Load all of CIFAR-10.

    Inputs:
    - root: see `find_cifar10_dir`

    Returns a Dataset with X_train (50000, 32, 32, 3) uint8, y_train (50000,) int64,
    X_test (10000, 32, 32, 3) uint8, y_test (10000,) int64.
    """
    folder = find_cifar10_dir(root)
    parts = [load_cifar10_batch(folder / f"data_batch_{b}") for b in range(1, 6)]
    X_test, y_test = load_cifar10_batch(folder / "test_batch")
    X_train = np.concatenate([p[0] for p in parts])
    y_train = np.concatenate([p[1] for p in parts])
    names = CIFAR10_CLASSES
    meta = folder / "batches.meta"
    if meta.is_file():
        with open(meta, "rb") as f:
            names = tuple(pickle.load(f, encoding="latin1")["label_names"])
    return Dataset(X_train, y_train, X_test, y_test, names, f"CIFAR-10 ({folder})")


_SYNTHETIC_NAME = "offline synthetic shapes (NOT CIFAR-10; numbers will differ)"


def _synthetic_forced():
    return os.environ.get("CS231N_DATASET", "").lower() == "synthetic"


def describe_dataset(root=None):
    """One line saying which dataset `load_dataset(root)` loads, without reading the images.

    A configured but unusable CIFAR-10 is described as such (load_dataset would raise).
    """
    if _synthetic_forced():
        return f"the {_SYNTHETIC_NAME} (forced by CS231N_DATASET=synthetic)"
    try:
        return f"CIFAR-10 ({find_cifar10_dir(root)})"
    except _NothingFound:
        return f"the {_SYNTHETIC_NAME}: no {BATCH_DIR} was found"
    except FileNotFoundError as e:
        return f"nothing: CIFAR-10 is configured but unusable. {e}"


def load_dataset(root=None, verbose=True):
    """Load CIFAR-10 if it is on disk, otherwise the built-in offline dataset.

    Inputs:
    - root: see `find_cifar10_dir`
    - verbose: print which dataset was loaded (the notebooks always do)

    Returns a Dataset; `name` tells which one it is. The offline dataset has 5000 training
    and 1000 test images of 10 synthetic shape classes. It stands in only when nothing was
    configured and nothing was found; otherwise a missing or damaged CIFAR-10 raises
    FileNotFoundError or ValueError saying what is missing and how to fix it.
    """
    data = None
    if not _synthetic_forced():
        try:
            data = load_cifar10(root)
        except _NothingFound as e:
            if verbose:
                print(f"Note: {e}")
    if data is None:
        X_train, y_train, X_test, y_test, names = make_synthetic_images()
        data = Dataset(X_train, y_train, X_test, y_test, names, _SYNTHETIC_NAME)
    if verbose:
        print(f"Dataset: {data.name}")
        print(f"  X_train {data.X_train.shape} {data.X_train.dtype}, "
              f"X_test {data.X_test.shape} {data.X_test.dtype}")
    return data


def split_data(X_train, y_train, X_test, y_test, num_training=49000, num_validation=1000,
               num_test=1000, num_dev=500, seed=231):
    """Make the train / val / test / dev splits used across the notebooks.

    Validation images are the `num_validation` images after the first `num_training`; the dev
    set is a random sample (seeded) of the training split, for quick experiments. Sizes are
    capped by what the arrays hold, so the same call works on the offline dataset.

    Inputs:
    - X_train, X_test: arrays of shape (N, ...); y_train, y_test: arrays of shape (N,)
    - num_training, num_validation, num_test, num_dev: requested sizes
    - seed: seed for drawing the dev set

    Returns a dict with X_train, y_train, X_val, y_val, X_test, y_test, X_dev, y_dev.
    """
    for name, X, y in (("X_train", X_train, y_train), ("X_test", X_test, y_test)):
        check_array(X, name)
        check_array(y, name.replace("X", "y"), ndim=1, shape=(len(X),), kinds="iu")
    num_training = min(num_training, len(X_train) - min(num_validation, len(X_train) // 10))
    num_validation = min(num_validation, len(X_train) - num_training)
    num_test = min(num_test, len(X_test))
    num_dev = min(num_dev, num_training)
    rng = np.random.default_rng(seed)
    dev = rng.choice(num_training, num_dev, replace=False)
    val = slice(num_training, num_training + num_validation)
    return {
        "X_train": X_train[:num_training], "y_train": y_train[:num_training],
        "X_val": X_train[val], "y_val": y_train[val],
        "X_test": X_test[:num_test], "y_test": y_test[:num_test],
        "X_dev": X_train[dev], "y_dev": y_train[dev],
    }


def preprocess_rows(splits, bias=True, dtype=np.float64):
    """Flatten images to rows, subtract the training mean image, optionally append a bias column.

    Inputs:
    - splits: dict from `split_data` (keys starting with "X_" are transformed)
    - bias: append a column of ones, so a linear classifier's bias folds into W
    - dtype: float dtype of the result

    Returns a tuple (out, mean_image):
    - out: new dict; each X_* has shape (N, D) or (N, D + 1) with D = 32*32*3
    - mean_image: array of shape (D,), computed on X_train only (never on val or test)
    """
    check_array(splits.get("X_train"), "splits['X_train']")
    mean_image = splits["X_train"].reshape(len(splits["X_train"]), -1).mean(axis=0).astype(dtype)
    out = {}
    for key, value in splits.items():
        if key.startswith("X_"):
            rows = value.reshape(len(value), -1).astype(dtype) - mean_image
            if bias:
                rows = np.hstack([rows, np.ones((len(rows), 1), dtype=dtype)])
            value = rows
        out[key] = value
    return out, mean_image

