"""Run datasets/get_datasets.sh for real on a small fake archive; nothing touches the network."""
import functools
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import tarfile
import threading
from pathlib import Path

import pytest

from conftest import write_fake_cifar
from cs231n_utils import load_cifar10

SCRIPT = Path(__file__).resolve().parent.parent / "datasets" / "get_datasets.sh"
OFFICIAL_MD5 = "c58f30108f718f92721af3b95e74349a"
EXPECTED_FILES = {"data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4",
                  "data_batch_5", "test_batch", "batches.meta"}

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def md5_of(path):
    return hashlib.md5(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def datasets_dir(tmp_path):
    """A temporary copy of the datasets folder holding only the script."""
    folder = tmp_path / "datasets"
    folder.mkdir()
    shutil.copy2(SCRIPT, folder / SCRIPT.name)
    return folder


@pytest.fixture
def archive(tmp_path):
    """A small .tar.gz shaped like cifar-10-python.tar.gz, kept outside the datasets folder."""
    src = tmp_path / "src"
    write_fake_cifar(src / "cifar-10-batches-py", n_per_batch=8)
    path = tmp_path / "mirror" / "cifar-10-python.tar.gz"
    path.parent.mkdir()
    with tarfile.open(path, "w:gz") as tar:
        tar.add(src / "cifar-10-batches-py", arcname="cifar-10-batches-py")
    return path


def run(datasets_dir, *args, env=None):
    """Run the copied script from an unrelated cwd with a clean CIFAR10_* environment."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CIFAR10_")}
    full_env.update(env or {})
    cwd = datasets_dir.parent / "elsewhere"
    cwd.mkdir(exist_ok=True)
    return subprocess.run(
        ["bash", str(datasets_dir / "get_datasets.sh"), *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60,
    )


def leftovers(datasets_dir):
    """Everything in the datasets folder besides the script."""
    return sorted(p.name for p in datasets_dir.iterdir() if p.name != "get_datasets.sh")


def test_help_prints_usage(datasets_dir):
    for flag in ("-h", "--help"):
        result = run(datasets_dir, flag)
        assert result.returncode == 0
        assert "Usage:" in result.stdout
        assert "CIFAR10_MD5" in result.stdout and "CIFAR10_SOURCE" in result.stdout
    assert leftovers(datasets_dir) == []


def test_local_path_with_matching_md5(datasets_dir, archive):
    result = run(datasets_dir, archive, env={"CIFAR10_MD5": md5_of(archive)})
    assert result.returncode == 0, result.stderr
    dest = datasets_dir / "cifar-10-batches-py"
    assert {p.name for p in dest.iterdir()} == EXPECTED_FILES
    assert leftovers(datasets_dir) == ["cifar-10-batches-py"]
    assert archive.is_file()  # a local copy is read, never moved or deleted
    data = load_cifar10(datasets_dir)
    assert data.X_train.shape == (40, 32, 32, 3)
    assert data.X_test.shape == (8, 32, 32, 3)
    assert data.class_names[0] == "airplane"


def test_file_url_from_environment(datasets_dir, archive):
    env = {"CIFAR10_SOURCE": archive.as_uri(), "CIFAR10_MD5": md5_of(archive).upper()}
    result = run(datasets_dir, env=env)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (datasets_dir / "cifar-10-batches-py").iterdir()} == EXPECTED_FILES
    assert leftovers(datasets_dir) == ["cifar-10-batches-py"]


def test_argument_wins_over_environment(datasets_dir, archive):
    env = {"CIFAR10_SOURCE": str(archive.parent / "missing.tar.gz"),
           "CIFAR10_MD5": md5_of(archive)}
    result = run(datasets_dir, archive, env=env)
    assert result.returncode == 0, result.stderr


def test_wrong_checksum_fails_and_leaves_nothing(datasets_dir, archive):
    got = md5_of(archive)
    result = run(datasets_dir, archive.as_uri())  # the default, official MD5
    assert result.returncode != 0
    assert "checksum" in result.stderr
    assert OFFICIAL_MD5 in result.stderr and got in result.stderr
    assert leftovers(datasets_dir) == []


def test_wrong_checksum_of_local_file_keeps_the_file(datasets_dir, archive):
    result = run(datasets_dir, archive)
    assert result.returncode != 0
    assert "checksum" in result.stderr
    assert archive.is_file()
    assert leftovers(datasets_dir) == []


@pytest.mark.parametrize("as_url", [False, True], ids=["path", "url"])
def test_wrong_checksum_says_what_to_do_next(datasets_dir, archive, as_url):
    result = run(datasets_dir, archive.as_uri() if as_url else archive)
    assert result.returncode != 0
    assert "Next:" in result.stderr
    retry = "run the same command again to retry the download"
    assert (retry in result.stderr) == as_url
    assert "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz" in result.stderr
    assert "/path/to/cifar-10-python.tar.gz" in result.stderr
    assert "CIFAR10_MD5=" in result.stderr  # the way out for a course's own re-packed copy


def test_folder_as_source_says_it_is_a_folder(datasets_dir, tmp_path):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    result = run(datasets_dir, folder)
    assert result.returncode != 0
    assert f"'{folder}' is a folder, not an archive" in result.stderr
    assert "Pass the archive file itself" in result.stderr
    assert leftovers(datasets_dir) == []


def test_folder_holding_the_archive_names_it(datasets_dir, archive):
    result = run(datasets_dir, archive.parent)
    assert result.returncode != 0
    assert "is a folder" in result.stderr
    assert str(archive) in result.stderr
    assert leftovers(datasets_dir) == []


def test_folder_with_extracted_cifar_suggests_the_variable(datasets_dir, tmp_path):
    extracted = write_fake_cifar(tmp_path / "copy" / "cifar-10-batches-py", n_per_batch=2)
    result = run(datasets_dir, extracted.parent)
    assert result.returncode != 0
    assert f"CS231N_DATA_DIR={extracted.parent}" in result.stderr
    assert leftovers(datasets_dir) == []


@pytest.mark.parametrize("as_url", [False, True], ids=["path", "url"])
def test_truncated_archive_fails_and_leaves_nothing(datasets_dir, archive, as_url):
    blob = archive.read_bytes()
    archive.write_bytes(blob[: len(blob) // 2])
    source = archive.as_uri() if as_url else archive
    result = run(datasets_dir, source, env={"CIFAR10_MD5": md5_of(archive)})
    assert result.returncode != 0
    assert "extract" in result.stderr
    assert leftovers(datasets_dir) == []


def test_archive_missing_files_fails_and_leaves_nothing(datasets_dir, archive, tmp_path):
    partial = tmp_path / "partial.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(partial, "w:gz") as dst:
        for member in src.getmembers():
            if not member.name.endswith("test_batch"):
                dst.addfile(member, src.extractfile(member) if member.isfile() else None)
    result = run(datasets_dir, partial, env={"CIFAR10_MD5": md5_of(partial)})
    assert result.returncode != 0
    assert "test_batch" in result.stderr
    assert leftovers(datasets_dir) == []


def test_second_run_skips(datasets_dir, archive):
    env = {"CIFAR10_MD5": md5_of(archive)}
    assert run(datasets_dir, archive, env=env).returncode == 0
    stamp = (datasets_dir / "cifar-10-batches-py" / "data_batch_1").stat().st_mtime_ns
    # a source that does not exist proves nothing is fetched the second time
    result = run(datasets_dir, archive.parent / "gone.tar.gz", env=env)
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stdout
    assert (datasets_dir / "cifar-10-batches-py" / "data_batch_1").stat().st_mtime_ns == stamp


def test_incomplete_folder_is_replaced(datasets_dir, archive):
    dest = datasets_dir / "cifar-10-batches-py"
    dest.mkdir()
    (dest / "data_batch_1").write_bytes(b"partial")
    result = run(datasets_dir, archive, env={"CIFAR10_MD5": md5_of(archive)})
    assert result.returncode == 0, result.stderr
    assert {p.name for p in dest.iterdir()} == EXPECTED_FILES
    assert load_cifar10(datasets_dir).X_train.shape == (40, 32, 32, 3)


def test_missing_local_path_fails_clearly(datasets_dir, tmp_path):
    missing = tmp_path / "nowhere" / "cifar-10-python.tar.gz"
    result = run(datasets_dir, missing)
    assert result.returncode != 0
    assert str(missing) in result.stderr
    assert "no such file" in result.stderr
    assert leftovers(datasets_dir) == []


def test_unreachable_url_fails_clearly(datasets_dir, tmp_path):
    url = (tmp_path / "nowhere" / "cifar-10-python.tar.gz").as_uri()
    result = run(datasets_dir, env={"CIFAR10_SOURCE": url})
    assert result.returncode != 0
    assert f"could not download {url}" in result.stderr
    assert "check your connection or pass a local copy" in result.stderr
    assert leftovers(datasets_dir) == []


def test_refused_connection_fails_clearly(datasets_dir):
    with socket.socket() as s:  # a local port that nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/cifar-10-python.tar.gz"
    result = run(datasets_dir, url)
    assert result.returncode != 0
    assert f"could not download {url}" in result.stderr
    assert leftovers(datasets_dir) == []


@pytest.fixture
def http_url(archive):
    """URL of the fake archive served over HTTP on localhost."""
    handler = functools.partial(_QuietHandler, directory=str(archive.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{archive.name}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_http_download_with_curl(datasets_dir, archive, http_url):
    if shutil.which("curl") is None:
        pytest.skip("needs curl")
    result = run(datasets_dir, http_url, env={"CIFAR10_MD5": md5_of(archive)})
    assert result.returncode == 0, result.stderr
    assert leftovers(datasets_dir) == ["cifar-10-batches-py"]


def test_http_download_with_wget_when_curl_is_missing(datasets_dir, archive, http_url, tmp_path):
    tools = ["bash", "basename", "cat", "cut", "dirname", "gzip", "md5sum", "mktemp", "mv",
             "rm", "tar", "tr", "wget"]
    found = {t: shutil.which(t) for t in tools}
    if None in found.values():
        pytest.skip(f"needs {', '.join(t for t, p in found.items() if p is None)}")
    bin_dir = tmp_path / "bin"  # a PATH holding these tools and no curl
    bin_dir.mkdir()
    for tool, path in found.items():
        (bin_dir / tool).symlink_to(path)
    env = {"PATH": str(bin_dir), "CIFAR10_MD5": md5_of(archive)}
    result = run(datasets_dir, http_url, env=env)
    assert result.returncode == 0, result.stderr
    assert leftovers(datasets_dir) == ["cifar-10-batches-py"]
    missing = http_url.rsplit("/", 1)[0] + "/missing.tar.gz"
    shutil.rmtree(datasets_dir / "cifar-10-batches-py")
    result = run(datasets_dir, missing, env=env)
    assert result.returncode != 0
    assert "check your connection or pass a local copy" in result.stderr
    assert leftovers(datasets_dir) == []


def test_bad_md5_override_is_rejected(datasets_dir, archive):
    result = run(datasets_dir, archive, env={"CIFAR10_MD5": "not-a-checksum"})
    assert result.returncode != 0
    assert "CIFAR10_MD5" in result.stderr
    assert leftovers(datasets_dir) == []
