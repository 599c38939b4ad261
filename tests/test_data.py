"""Tests for cs231n_utils.data on small batch files written by the tests."""
import shutil
from pathlib import Path

import numpy as np
import pytest

import cs231n_utils.data as data_module
from conftest import FAKE_LABEL_NAMES, write_batch, write_fake_cifar
from cs231n_utils import (
    SYNTHETIC_CLASSES, find_cifar10_dir, load_cifar10, load_cifar10_batch, load_dataset,
    preprocess_rows, split_data,
)
from cs231n_utils.data import describe_dataset

SCRIPT = Path(__file__).resolve().parent.parent / "datasets" / "get_datasets.sh"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No configuration, and a search that finds nothing unless a test puts data in its way."""
    monkeypatch.delenv("CS231N_DATA_DIR", raising=False)
    monkeypatch.delenv("CS231N_DATASET", raising=False)
    monkeypatch.setattr(data_module, "_PACKAGE_DATASETS", tmp_path / "no-package-datasets")
    nowhere = tmp_path / "cwd"
    nowhere.mkdir()
    monkeypatch.chdir(nowhere)


def _course_folder(tmp_path):
    """A student folder: datasets/ with the download script and a complete fake CIFAR-10."""
    datasets = tmp_path / "course" / "datasets"
    batches = write_fake_cifar(datasets / "cifar-10-batches-py", n_per_batch=4)
    shutil.copy2(SCRIPT, datasets / SCRIPT.name)
    return batches


def test_load_batch_shapes_and_dtypes(fake_cifar):
    X, y = load_cifar10_batch(fake_cifar / "data_batch_1")
    assert X.shape == (20, 32, 32, 3) and X.dtype == np.uint8
    assert y.shape == (20,) and y.dtype == np.int64
    assert X.flags.c_contiguous


def test_load_batch_pixel_order(tmp_path):
    """Rows hold the R plane, then G, then B, each row-major; X must come out NHWC."""
    red = np.arange(1024).reshape(32, 32) % 256
    green = np.full((32, 32), 7)
    blue = 255 - red.T
    row = np.concatenate([red.ravel(), green.ravel(), blue.ravel()])
    data = np.stack([row, np.zeros(3072, dtype=int)])
    write_batch(tmp_path / "data_batch_1", data, [3, 5])
    X, y = load_cifar10_batch(tmp_path / "data_batch_1")
    np.testing.assert_array_equal(X[0, :, :, 0], red)
    np.testing.assert_array_equal(X[0, :, :, 1], green)
    np.testing.assert_array_equal(X[0, :, :, 2], blue)
    assert X[0, 0, 1, 0] == 1 and X[0, 1, 0, 0] == 32  # width is the faster axis
    np.testing.assert_array_equal(y, [3, 5])


def test_load_cifar10_from_argument(fake_cifar):
    for root in (fake_cifar.parent, fake_cifar):  # the parent or the folder itself
        data = load_cifar10(root)
        assert data.X_train.shape == (100, 32, 32, 3) and data.X_train.dtype == np.uint8
        assert data.y_train.shape == (100,) and data.y_train.dtype == np.int64
        assert data.X_test.shape == (20, 32, 32, 3) and data.X_test.dtype == np.uint8
        assert data.y_test.shape == (20,) and data.y_test.dtype == np.int64
        assert data.class_names == tuple(FAKE_LABEL_NAMES)
        assert str(fake_cifar) in data.name and "CIFAR-10" in data.name


def test_training_batches_are_concatenated_in_order(fake_cifar):
    data = load_cifar10(fake_cifar)
    for b in range(1, 6):
        X, y = load_cifar10_batch(fake_cifar / f"data_batch_{b}")
        np.testing.assert_array_equal(data.X_train[(b - 1) * 20:b * 20], X)
        np.testing.assert_array_equal(data.y_train[(b - 1) * 20:b * 20], y)


def test_root_from_environment_variable(fake_cifar, monkeypatch, tmp_path):
    monkeypatch.setenv("CS231N_DATA_DIR", str(fake_cifar.parent))
    monkeypatch.chdir(tmp_path)
    assert find_cifar10_dir() == fake_cifar
    assert load_cifar10().X_train.shape == (100, 32, 32, 3)


def test_root_found_by_walking_up_from_cwd(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    batches = write_fake_cifar(repo / "datasets" / "cifar-10-batches-py", n_per_batch=4)
    notebook_dir = repo / "assignments" / "lecture02_knn"
    notebook_dir.mkdir(parents=True)
    monkeypatch.chdir(notebook_dir)
    assert find_cifar10_dir() == batches
    assert load_cifar10().X_test.shape == (4, 32, 32, 3)


def test_argument_wins_over_environment(fake_cifar, tmp_path, monkeypatch):
    other = write_fake_cifar(tmp_path / "other" / "cifar-10-batches-py", n_per_batch=3)
    monkeypatch.setenv("CS231N_DATA_DIR", str(fake_cifar.parent))
    assert find_cifar10_dir(other.parent) == other


def test_nothing_found_names_the_script():
    with pytest.raises(FileNotFoundError, match="datasets/get_datasets.sh") as e:
        load_cifar10()
    assert "repository" not in str(e.value)  # students have a course folder, not a repository
    assert "in your course folder" in str(e.value)  # the script is nowhere to be found


def test_nothing_found_names_the_script_by_its_path(tmp_path, monkeypatch):
    batches = _course_folder(tmp_path)
    shutil.rmtree(batches)
    monkeypatch.chdir(batches.parent.parent)
    with pytest.raises(FileNotFoundError) as e:
        load_cifar10()
    assert f"bash {batches.parent / 'get_datasets.sh'}" in str(e.value)


def test_missing_root_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such folder") as e:
        load_cifar10(tmp_path / "empty")
    assert str(tmp_path / "empty") in str(e.value) and "pass no root" in str(e.value)


def test_missing_batch_file_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="data_batch_1 is missing"):
        load_cifar10_batch(tmp_path / "data_batch_1")


def test_truncated_batch_raises_value_error_naming_file(fake_cifar):
    path = fake_cifar / "data_batch_3"
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])
    with pytest.raises(ValueError, match="data_batch_3"):
        load_cifar10_batch(path)
    with pytest.raises(ValueError, match="data_batch_3"):
        load_cifar10(fake_cifar)


def test_labels_and_images_must_match(tmp_path):
    write_batch(tmp_path / "test_batch", np.zeros((3, 3072)), [0, 1])
    with pytest.raises(ValueError, match="test_batch"):
        load_cifar10_batch(tmp_path / "test_batch")


def test_load_dataset_prefers_cifar(fake_cifar, capsys):
    data = load_dataset(fake_cifar.parent)
    assert data.X_train.shape == (100, 32, 32, 3)
    out = capsys.readouterr().out
    assert "Dataset: CIFAR-10" in out


def test_load_dataset_falls_back_to_synthetic(capsys):
    """Nothing configured and nothing found: the offline set, with a note on the real thing."""
    data = load_dataset()
    out = capsys.readouterr().out
    assert "Dataset: offline synthetic" in out
    assert "get_datasets.sh" in out  # says how to get the real thing
    assert data.class_names == SYNTHETIC_CLASSES
    assert data.X_train.shape == (5000, 32, 32, 3) and data.X_train.dtype == np.uint8
    assert data.y_test.shape == (1000,) and data.y_test.dtype == np.int64


def test_synthetic_forced_by_environment(fake_cifar, monkeypatch, capsys):
    monkeypatch.setenv("CS231N_DATASET", "synthetic")
    data = load_dataset(fake_cifar.parent, verbose=False)
    assert "synthetic" in data.name
    assert data.X_train.shape == (5000, 32, 32, 3)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("how", ["environment", "argument"])
def test_requested_folder_that_is_missing_fails(tmp_path, monkeypatch, how):
    missing = tmp_path / "typo"
    root = None
    if how == "environment":
        monkeypatch.setenv("CS231N_DATA_DIR", str(missing))
    else:
        root = missing
    with pytest.raises(FileNotFoundError, match="no such folder") as e:
        load_dataset(root, verbose=False)  # no silent fallback to the offline set
    assert str(missing) in str(e.value)
    if how == "environment":
        assert "CS231N_DATA_DIR=" in str(e.value) and "unset CS231N_DATA_DIR" in str(e.value)


def test_requested_folder_without_cifar_fails(tmp_path, monkeypatch):
    folder = tmp_path / "downloads"
    (folder / "cifar-10-batches-py").mkdir(parents=True)  # there, but empty
    monkeypatch.setenv("CS231N_DATA_DIR", str(folder))
    with pytest.raises(FileNotFoundError, match="no CIFAR-10 there") as e:
        load_dataset(verbose=False)
    assert "data_batch_1" in str(e.value) and "test_batch" in str(e.value)
    assert "get_datasets.sh" in str(e.value)


@pytest.mark.parametrize("how", ["environment", "argument", "search"])
def test_missing_batch_fails_naming_it(fake_cifar, monkeypatch, how):
    (fake_cifar / "data_batch_4").unlink()
    (fake_cifar / "test_batch").unlink()
    root = None
    if how == "environment":
        monkeypatch.setenv("CS231N_DATA_DIR", str(fake_cifar.parent))
    elif how == "argument":
        root = fake_cifar
    else:
        monkeypatch.setattr(data_module, "_PACKAGE_DATASETS", fake_cifar.parent)
    with pytest.raises(FileNotFoundError, match="incomplete: data_batch_4, test_batch missing"):
        load_dataset(root, verbose=False)


def test_incomplete_download_tells_to_run_the_script_again(tmp_path, monkeypatch):
    batches = _course_folder(tmp_path)
    (batches / "data_batch_2").unlink()
    monkeypatch.chdir(batches.parent.parent)
    with pytest.raises(FileNotFoundError, match="data_batch_2 missing") as e:
        load_dataset(verbose=False)
    assert f"bash {batches.parent / 'get_datasets.sh'}" in str(e.value)


def _truncate(path):
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])


def test_corrupt_batch_in_own_folder_is_never_to_be_deleted(fake_cifar, monkeypatch):
    """A folder the user pointed to holds their copy: say how to repair it, not to delete it."""
    _truncate(fake_cifar / "data_batch_2")
    monkeypatch.setenv("CS231N_DATA_DIR", str(fake_cifar.parent))
    with pytest.raises(ValueError, match="data_batch_2 is corrupt") as e:
        load_dataset(verbose=False)
    message = str(e.value)
    assert "delete" not in message.lower()
    assert "tar -xzf cifar-10-python.tar.gz" in message and "CS231N_DATA_DIR" in message


def test_corrupt_batch_from_the_script_says_delete_and_download_again(tmp_path, monkeypatch):
    batches = _course_folder(tmp_path)
    _truncate(batches / "test_batch")
    monkeypatch.chdir(batches.parent.parent)
    with pytest.raises(ValueError, match="test_batch is corrupt") as e:
        load_dataset(verbose=False)
    assert f"Delete the folder {batches} and run `bash {batches.parent / 'get_datasets.sh'}`" \
        in str(e.value)


def test_describe_dataset(fake_cifar, monkeypatch, tmp_path):
    assert describe_dataset().startswith("the offline synthetic shapes (NOT CIFAR-10")
    assert describe_dataset(fake_cifar.parent) == f"CIFAR-10 ({fake_cifar})"
    assert "unusable" in describe_dataset(tmp_path / "typo")
    monkeypatch.setenv("CS231N_DATASET", "synthetic")
    assert "forced by CS231N_DATASET=synthetic" in describe_dataset(fake_cifar.parent)


def _indexed(n):
    """Images whose single value is their own index, so splits can be traced back."""
    return np.arange(n).reshape(n, 1, 1, 1), np.arange(n) % 10


def test_split_data_sizes():
    X_train, y_train = _indexed(300)
    X_test, y_test = _indexed(50)
    s = split_data(X_train, y_train, X_test, y_test, num_training=200, num_validation=40,
                   num_test=30, num_dev=25)
    sizes = {k: len(v) for k, v in s.items()}
    assert sizes == {"X_train": 200, "y_train": 200, "X_val": 40, "y_val": 40,
                     "X_test": 30, "y_test": 30, "X_dev": 25, "y_dev": 25}
    train_ids = set(s["X_train"].ravel())
    val_ids = set(s["X_val"].ravel())
    assert not train_ids & val_ids
    assert set(s["X_dev"].ravel()) <= train_ids
    assert len(set(s["X_dev"].ravel())) == 25  # drawn without replacement
    np.testing.assert_array_equal(s["y_val"], s["X_val"].ravel() % 10)
    np.testing.assert_array_equal(s["y_dev"], s["X_dev"].ravel() % 10)


def test_split_data_caps_sizes_on_small_inputs():
    X_train, y_train = _indexed(100)
    X_test, y_test = _indexed(20)
    s = split_data(X_train, y_train, X_test, y_test)  # defaults ask for 49000 / 1000 / ...
    assert len(s["X_train"]) + len(s["X_val"]) <= 100
    assert len(s["X_val"]) > 0 and len(s["X_train"]) > 0
    assert len(s["X_test"]) == 20
    assert len(s["X_dev"]) <= len(s["X_train"])
    assert not set(s["X_train"].ravel()) & set(s["X_val"].ravel())


def test_split_data_is_seeded():
    X_train, y_train = _indexed(300)
    X_test, y_test = _indexed(50)
    a = split_data(X_train, y_train, X_test, y_test, num_training=200, num_dev=30, seed=1)
    b = split_data(X_train, y_train, X_test, y_test, num_training=200, num_dev=30, seed=1)
    np.testing.assert_array_equal(a["X_dev"], b["X_dev"])


def test_split_data_rejects_mismatched_labels():
    X_train, y_train = _indexed(30)
    X_test, y_test = _indexed(10)
    with pytest.raises(ValueError, match="y_train"):
        split_data(X_train, y_train[:-1], X_test, y_test)


def test_preprocess_rows_uses_training_mean_only():
    rng = np.random.default_rng(0)
    X_train = rng.integers(0, 256, size=(6, 32, 32, 3), dtype=np.uint8)
    splits = {
        "X_train": X_train, "y_train": np.arange(6),
        "X_val": np.full((4, 32, 32, 3), 200, dtype=np.uint8), "y_val": np.arange(4),
    }
    out, mean_image = preprocess_rows(splits)
    expected_mean = X_train.reshape(6, -1).mean(axis=0)
    assert mean_image.shape == (3072,)
    np.testing.assert_allclose(mean_image, expected_mean)
    assert out["X_train"].shape == (6, 3073) and out["X_val"].shape == (4, 3073)
    assert out["X_train"].dtype == np.float64
    np.testing.assert_array_equal(out["X_train"][:, -1], 1.0)
    np.testing.assert_array_equal(out["X_val"][:, -1], 1.0)
    np.testing.assert_allclose(out["X_train"][:, :-1].mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(out["X_val"][:, :-1], np.tile(200.0 - expected_mean, (4, 1)))
    assert out["y_val"] is splits["y_val"]  # labels pass through untouched
    assert splits["X_train"] is X_train  # the input dict is not modified


def test_preprocess_rows_without_bias_and_float32():
    splits = {"X_train": np.ones((3, 32, 32, 3), dtype=np.uint8)}
    out, mean_image = preprocess_rows(splits, bias=False, dtype=np.float32)
    assert out["X_train"].shape == (3, 3072) and out["X_train"].dtype == np.float32
    assert mean_image.dtype == np.float32
    np.testing.assert_array_equal(out["X_train"], 0.0)
