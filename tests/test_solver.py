"""cs231n_utils.solver: update rules, the training loop's bookkeeping, NaN stops and the plots."""
import re
import time
from pathlib import Path

import numpy as np
import pytest

from cs231n_utils import solver as solver_module
from cs231n_utils.solver import (
    Solver, LossDivergedError, plot_accuracy_history, plot_loss_history, plot_solver_history,
    adam, sgd, sgd_momentum,
)


class LinearSoftmax:
    """A linear softmax classifier written here, so the tests need no notebook code."""

    def __init__(self, D, C, seed=0, nan_after=None):
        rng = np.random.default_rng(seed)
        self.params = {"W": 1e-3 * rng.standard_normal((D, C)), "b": np.zeros(C)}
        self.calls = 0
        self.nan_after = nan_after
        self.batches = []

    def loss(self, X, y=None):
        scores = X @ self.params["W"] + self.params["b"]
        if y is None:
            return scores
        self.calls += 1
        self.batches.append(X.copy())
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(len(y)), y].mean()
        if self.nan_after is not None and self.calls > self.nan_after:
            loss = float("nan")
        dscores = np.exp(log_p)
        dscores[np.arange(len(y)), y] -= 1
        dscores /= len(y)
        return loss, {"W": X.T @ dscores, "b": dscores.sum(axis=0)}


def blobs(n=200, seed=0):
    """Three well separated 2-D clouds: any working optimizer reaches 100 % on them."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, size=n)
    centres = np.array([[0.0, 4.0], [4.0, -2.0], [-4.0, -2.0]])
    X = centres[y] + 0.5 * rng.standard_normal((n, 2))
    return {"X_train": X[:150], "y_train": y[:150], "X_val": X[150:], "y_val": y[150:]}


def test_sgd_step():
    w, dw = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    next_w, config = sgd(w, dw, {"learning_rate": 0.1})
    np.testing.assert_allclose(next_w, [0.95, -2.05])
    assert config["learning_rate"] == 0.1
    np.testing.assert_allclose(w, [1.0, -2.0])  # the input is not modified


def test_sgd_momentum_accumulates_velocity():
    w, dw = np.zeros(2), np.ones(2)
    config = {"learning_rate": 0.1, "momentum": 0.9}
    w1, config = sgd_momentum(w, dw, config)
    w2, config = sgd_momentum(w1, dw, config)
    np.testing.assert_allclose(w1, [-0.1, -0.1])
    np.testing.assert_allclose(config["velocity"], [-0.19, -0.19])  # 0.9 * -0.1 - 0.1
    np.testing.assert_allclose(w2, [-0.29, -0.29])


def test_adam_first_step_is_the_learning_rate_and_keeps_the_dtype():
    w = np.array([1.0, -2.0], np.float32)
    dw = np.array([0.5, -3.0], np.float32)
    w1, config = adam(w, dw, {"learning_rate": 0.1})
    # bias-corrected first step: m / sqrt(v) = sign(dw)
    np.testing.assert_allclose(w1, [0.9, -1.9], rtol=1e-5)
    assert w1.dtype == np.float32 and config["m"].dtype == np.float32 and config["t"] == 1
    np.testing.assert_allclose(w, [1.0, -2.0])  # the input is not modified


def test_adam_cosine_steps_decay_the_step_to_zero():
    w, config = np.zeros(1), {"learning_rate": 0.1, "cosine_steps": 4}
    moves = []
    for _ in range(6):
        w_next, config = adam(w, np.ones(1), config)
        moves.append(float(w[0] - w_next[0]))
        w = w_next
    assert moves[0] == pytest.approx(0.1) and moves[2] == pytest.approx(0.05, rel=1e-3)
    assert moves[4] == 0.0 and moves[5] == 0.0 and moves[1] > moves[2] > moves[3] > 0


@pytest.mark.parametrize("rule", ["sgd", "sgd_momentum", "adam"])
def test_solver_learns_separable_data(rule):
    data = blobs()
    model = LinearSoftmax(2, 3)
    solver = Solver(model, data, update_rule=rule, optim_config={"learning_rate": 0.5},
                    batch_size=30, num_epochs=5, progress=False).train()
    steps_per_epoch = 150 // 30
    assert len(solver.loss_history) == 5 * steps_per_epoch
    assert len(solver.train_acc_history) == len(solver.val_acc_history) == 6  # epoch 0 to 5
    assert solver.epoch_history == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert solver.best_val_acc == 1.0
    assert solver.loss_history[-1] < solver.loss_history[0]
    assert solver.check_accuracy(data["X_val"], data["y_val"]) == 1.0
    assert solver.diverged is None and solver.images_per_second > 0


def test_each_epoch_visits_every_image_once():
    data = blobs()
    model = LinearSoftmax(2, 3)
    Solver(model, data, optim_config={"learning_rate": 0.0}, batch_size=50, num_epochs=2,
           progress=False).train()
    for epoch in range(2):
        rows = np.concatenate(model.batches[3 * epoch:3 * epoch + 3])
        assert sorted(map(tuple, rows)) == sorted(map(tuple, data["X_train"]))


def test_learning_rate_decays_once_per_epoch():
    model = LinearSoftmax(2, 3)
    solver = Solver(model, blobs(), update_rule="sgd_momentum",
                    optim_config={"learning_rate": 0.1}, lr_decay=0.5, batch_size=50,
                    num_epochs=3, progress=False).train()
    for config in solver.optim_configs.values():
        assert config["learning_rate"] == pytest.approx(0.1 * 0.5 ** 3)
    assert solver.optim_config["learning_rate"] == 0.1  # the caller's settings are untouched


def test_custom_update_rule_gets_each_parameter_and_its_gradient():
    seen = []

    def halve(w, dw, config):
        seen.append((w.shape, dw.shape, config["tag"]))
        return w * 0.5, config

    model = LinearSoftmax(2, 3)
    Solver(model, blobs(), update_rule=halve, optim_config={"tag": "x"}, batch_size=150,
           num_epochs=1, progress=False).train()
    assert sorted(seen) == [((2, 3), (2, 3), "x"), ((3,), (3,), "x")]


def test_parameters_are_updated_in_place():
    model = LinearSoftmax(2, 3)
    W = model.params["W"]
    Solver(model, blobs(), optim_config={"learning_rate": 0.5}, batch_size=50, num_epochs=1,
           restore_best=False, progress=False).train()
    assert model.params["W"] is W and np.abs(W).max() > 1e-2


def test_best_parameters_are_restored():
    data = blobs()
    model = LinearSoftmax(2, 3)
    solver = Solver(model, data, optim_config={"learning_rate": 0.5}, batch_size=30,
                    num_epochs=3, progress=False).train()
    for name, value in solver.best_params.items():
        np.testing.assert_array_equal(model.params[name], value)


def test_nan_loss_stops_with_a_message(capsys):
    model = LinearSoftmax(2, 3, nan_after=3)
    solver = Solver(model, blobs(), optim_config={"learning_rate": 0.5}, batch_size=10,
                    num_epochs=5, progress=False).train()
    assert len(solver.loss_history) == 4 and np.isnan(solver.loss_history[-1])
    assert "loss became nan at step 4" in solver.diverged
    assert "lower the learning rate (now 0.5)" in solver.diverged
    assert solver.diverged in capsys.readouterr().out


def test_inf_loss_can_raise():
    class Exploding(LinearSoftmax):
        def loss(self, X, y=None):
            out = super().loss(X, y)
            return out if y is None else (float("inf"), out[1])

    with pytest.raises(LossDivergedError, match="loss became inf at step 1"):
        Solver(Exploding(2, 3), blobs(), batch_size=10, num_epochs=1, on_nan="raise",
               progress=False).train()


def test_augment_applies_to_training_batches_only():
    data = blobs()
    model = LinearSoftmax(2, 3)
    calls = []

    def flip_sign(X, rng):
        calls.append(len(X))
        return -X

    Solver(model, data, optim_config={"learning_rate": 0.0}, batch_size=50, num_epochs=1,
           augment=flip_sign, progress=False).train()
    assert calls == [50, 50, 50]
    assert all(np.array_equal(b, -b) is False for b in model.batches)
    assert sorted(map(tuple, np.concatenate(model.batches))) == sorted(map(tuple, -data["X_train"]))


class Slow(LinearSoftmax):
    """Every training step takes at least `pause` seconds."""

    def __init__(self, *args, pause=0.01, **kwargs):
        super().__init__(*args, **kwargs)
        self.pause = pause

    def loss(self, X, y=None):
        if y is not None:
            time.sleep(self.pause)
        return super().loss(X, y)


def test_time_budget_ends_the_run_after_that_long():
    model = Slow(2, 3, pause=0.01)
    solver = Solver(model, blobs(), optim_config={"learning_rate": 0.1}, batch_size=10,
                    num_epochs=None, time_budget=0.1, checkpoints=2, progress=False).train()
    steps = len(solver.loss_history)
    # it stops at the first step that ends after the budget; each step sleeps 0.01 s
    assert solver.seconds >= 0.1 and 1 <= steps <= 11
    assert solver.epoch_history[0] == 0.0 and solver.epoch_history[-1] == steps / 15
    # num_epochs still bounds the run when it is shorter than the budget
    short = Solver(LinearSoftmax(2, 3), blobs(), batch_size=50, num_epochs=2, time_budget=60,
                   progress=False).train()
    assert len(short.loss_history) == 6


def learning_rates_seen(**solver_kwargs):
    seen = []

    def record(w, dw, config):
        seen.append(config["learning_rate"])
        return w, config

    Solver(LinearSoftmax(2, 3), blobs(), update_rule=record, optim_config={"learning_rate": 0.2},
           batch_size=50, progress=False, **solver_kwargs).train()
    return seen[::2]  # two parameters per step


def test_cosine_schedule_over_the_steps():
    lrs = learning_rates_seen(num_epochs=4, lr_schedule="cosine")  # 12 steps
    expected = [0.1 * (1 + np.cos(np.pi * k / 12)) for k in range(12)]
    np.testing.assert_allclose(lrs, expected)


def test_cosine_schedule_over_the_time_budget():
    lrs = learning_rates_seen(num_epochs=None, time_budget=0.2, lr_schedule="cosine")
    # the first step starts just after the start of the clock
    assert lrs[0] == pytest.approx(0.2, rel=0.02) and all(a >= b >= 0 for a, b in zip(lrs, lrs[1:]))
    assert lrs[-1] < 0.2 or len(lrs) == 1


def test_checkpoints_are_spread_over_the_run():
    data = blobs()  # 150 training images: 15 steps of 10 per epoch
    solver = Solver(LinearSoftmax(2, 3), data, batch_size=10, num_epochs=1, checkpoints=3,
                    progress=False).train()
    np.testing.assert_allclose(solver.epoch_history, [0, 5 / 15, 10 / 15, 1.0])
    solver = Solver(LinearSoftmax(2, 3), data, batch_size=10, num_epochs=0.5, checkpoints=2,
                    progress=False).train()
    np.testing.assert_allclose(solver.epoch_history, [0, 4 / 15, 8 / 15])  # 8 steps


def test_progress_bar_runs(capsys):
    Solver(LinearSoftmax(2, 3), blobs(), batch_size=50, num_epochs=1, progress=True).train()
    assert "img" in capsys.readouterr().err


def test_bad_arguments_name_the_fix():
    model = LinearSoftmax(2, 3)
    with pytest.raises(KeyError, match="X_val"):
        Solver(model, {"X_train": np.zeros((2, 2)), "y_train": np.zeros(2, int)})
    with pytest.raises(ValueError, match="unknown update_rule 'rmsprop'"):
        Solver(model, blobs(), update_rule="rmsprop")
    data = dict(blobs(), y_val=np.zeros(3, int))
    with pytest.raises(ValueError, match="y_val has 3 labels"):
        Solver(model, data)
    with pytest.raises(ValueError, match="give num_epochs, time_budget or both"):
        Solver(model, blobs(), num_epochs=None)
    with pytest.raises(ValueError, match="time_budget must be a number of seconds > 0"):
        Solver(model, blobs(), time_budget=0)
    with pytest.raises(ValueError, match="lr_schedule must be None or 'cosine'"):
        Solver(model, blobs(), lr_schedule="step")


def test_solver_computes_no_layer_or_loss():
    """Scaffolding only: no exponentials, logarithms, ReLUs or matrix products in the module."""
    source = Path(solver_module.__file__).read_text()
    code = "\n".join(line.split("#")[0] for line in source.split("\n"))
    for pattern in (r"np\.exp\b", r"np\.log\b", r"np\.maximum\b", r"\bmax\(0", r"@", r"\.dot\(",
                    r"matmul", r"softmax\(", r"relu\("):
        assert not re.search(pattern, code), pattern


def test_plots_take_ax_none_and_axes(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    solver = Solver(LinearSoftmax(2, 3), blobs(), optim_config={"learning_rate": 0.5},
                    batch_size=10, num_epochs=2, progress=False).train()
    plt.figure()
    ax = plot_loss_history(solver.loss_history)
    assert ax is plt.gca() and ax.get_ylabel() == "loss"
    ax = plot_accuracy_history(solver.train_acc_history, solver.val_acc_history,
                               epochs=solver.epoch_history, label="lr 0.5")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["lr 0.5: train", "lr 0.5: val"]
    axes = plot_solver_history(solver)
    assert axes[0].get_xlabel() == "epoch" and axes[1].get_ylabel() == "accuracy"
    with pytest.raises(ValueError, match="differ in length"):
        plot_accuracy_history([0.1, 0.2], [0.1])
    plt.close("all")
