"""Run the lecture 5 convnet notebook at full size on CIFAR-10 and check its targets.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_convnet.py [--quick] [--keep OUT.ipynb]
    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/bench_convnet.py --compare 150

Executes solutions/lecture05_cnn/convnet.ipynb top to bottom in a fresh kernel (the solution,
not a student version; CS231N_QUICK unset unless --quick) and reads the figures the notebook
prints: the three-layer net's validation accuracy after one epoch, the VGG-style net's
training time, images per second, epochs and test accuracy, and the notebook's total run time.
Prints the load average before and after, since the machine's other work changes the speed,
then one `target ... met` / `NOT met` line per target. Exits 1 only when a cell raised an
error: a missed accuracy or time target on a busy machine is reported, not failed.

--compare SECONDS trains two candidate best networks (N=1, M=3 with 32/64/128 filters and
N=2, M=2 with 32/64 filters, both 3x3 filters and fc-256) for about SECONDS each with the
notebook's own code (its solution cells and `train_for`), on the full training set, and prints
their validation accuracy: the evidence for the architecture Part 7 trains.
"""
import argparse
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import target_line  # noqa: E402

NOTEBOOK = REPO / "solutions" / "lecture05_cnn" / "convnet.ipynb"

TARGETS = {  # what, goal text, test
    "three_layer_val": ("three-layer net val, 1 epoch", ">= 0.55", lambda v: v >= 0.55),
    "best_test": ("VGG-style net test accuracy", ">= 0.78", lambda v: v >= 0.78),
    "best_minutes": ("VGG-style net training time", "<= 15 min", lambda v: v <= 15.0),
    "notebook_minutes": ("whole notebook run time", "<= 20 min", lambda v: v <= 20.0),
}


def run(quick, keep):
    import nbformat
    from nbclient import NotebookClient

    env_quick = os.environ.pop("CS231N_QUICK", None)
    if quick:
        os.environ["CS231N_QUICK"] = "1"
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=3600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    seconds = time.perf_counter() - start
    if env_quick is not None:
        os.environ["CS231N_QUICK"] = env_quick
    if keep:
        nbformat.write(nb, keep)
    text, errors = [], []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout":
                text.append(out.text)
            elif out.output_type == "error":
                errors.append(f"{out.ename}: {out.evalue}")
    return "".join(text), errors, seconds


def compare(seconds):
    """Train the two candidate architectures for about `seconds` each with the notebook's code."""
    sys.path.insert(0, str(REPO))
    from tools import notebooks as nbt

    nb = nbt.read(NOTEBOOK)
    names = {}
    for cell in nb.cells:  # setup, data, given layers, the answers, ConvNet, train_for
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if cell.cell_type != "code" or gid == "self_check" or meta.get("grade"):
            continue
        source = nbt.strip_markers(cell.source)
        if gid or "def to_network_input" in source or "def train_for" in source:
            if "def train_for" in source:
                source = source[:source.index("VARIANT_SECONDS")]
            if "def to_network_input" in source:
                source = source[:source.index("plt.figure")]
            exec(compile(source, gid or "cell", "exec"), names)
    exec("train_data = {'X_train': X_train, 'y_train': y_train, 'X_val': X_val, 'y_val': y_val}", names)
    candidates = {
        "N=1 M=3 K=1 (32, 64, 128)": dict(num_filters=(32, 64, 128), convs_per_pool=1),
        "N=2 M=2 K=1 (32, 64)": dict(num_filters=(32, 64), convs_per_pool=2),
    }
    for name, kwargs in candidates.items():
        model = names["ConvNet"](filter_size=3, hidden_dims=(256,), reg=5e-4, **kwargs)
        solver = names["train_for"](model, seconds, names["train_data"], checkpoints=4,
                                    num_val_samples=None, progress=False)
        print(f"  {name}: {solver.seconds:.0f} s, {solver.images_per_second:.0f} images/s, "
              f"{solver.epoch_history[-1]:.2f} epochs, validation accuracy "
              f"{' '.join(f'{a:.3f}' for a in solver.val_acc_history)}", flush=True)


def figure(pattern, text, cast=float):
    match = re.search(pattern, text)
    return cast(match.group(1)) if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="CS231N_QUICK=1 (the CI's reduced run)")
    parser.add_argument("--keep", help="write the executed notebook here")
    parser.add_argument("--compare", type=float, metavar="SECONDS",
                        help="instead: train the two candidate best networks SECONDS each")
    args = parser.parse_args()
    if args.compare:
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        compare(args.compare)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        return 0
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    text, errors, seconds = run(args.quick, args.keep)
    print(f"load average after:  {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    for line in text.splitlines():
        if re.search(r"Dataset:|one epoch of|validation images: as|parameters, .* images/s|ms per step|"
                     r"trained \d+ s at|test accuracy|training accuracy .* after|mirror images", line):
            print("  " + line.strip())
    got = {
        "three_layer_val": figure(r"one epoch of \d+ images: validation accuracy ([0-9.]+)", text),
        "best_test": figure(r"test accuracy ([0-9.]+) on", text),
        "best_minutes": figure(r"trained (\d+) s at", text),
        "notebook_minutes": seconds / 60,
    }
    if got["best_minutes"] is not None:
        got["best_minutes"] /= 60
    print(f"notebook: {seconds:.0f} s ({'CS231N_QUICK=1' if args.quick else 'full size'})")
    for key, (what, goal, test) in TARGETS.items():
        value = got[key]
        shown = "missing" if value is None else (f"{value:.1f} min" if "minutes" in key else f"{value:.3f}")
        print(target_line(what, shown, goal, value is not None and test(value)))
    for error in errors:
        print(f"error in a cell: {error[:300]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
