"""Train a model with minibatch gradient descent: the `Solver` and its update rules and plots.

The Solver is scaffolding. It never computes a layer, a loss or a gradient itself: the model
does, through `model.loss(X, y) -> (loss, grads)` (and `model.loss(X) -> scores` to classify).
What the Solver adds is the bookkeeping around it: minibatches, update rules, learning-rate
decay, a progress bar with images per second, loss and accuracy histories, the best parameters
seen on the validation set, and a clear stop when the loss becomes NaN or infinite.

The model needs:
- `model.params`: dict name -> float array, updated in place by the Solver's update rule
- `model.loss(X, y)`: (loss, grads) with `grads[name]` of the shape of `params[name]`
- `model.loss(X)`: class scores of shape (N, C) (no labels: no loss)

Update rules have the signature `update(w, dw, config) -> (next_w, config)`: `w` a parameter,
`dw` its gradient, `config` a dict of hyperparameters and state (e.g. "learning_rate",
"velocity"), returned for the next step.
"""
import math
import os
import time

import numpy as np

from .checks import check_array
from .training import LossDivergedError, plot_loss_history
from .vis import _axes

__all__ = [
    "Solver", "LossDivergedError", "sgd", "sgd_momentum", "adam", "UPDATE_RULES",
    "plot_loss_history", "plot_accuracy_history", "plot_solver_history",  # the first from .training
]


def sgd(w, dw, config=None):
    """Vanilla stochastic gradient descent: w -= learning_rate * dw.

    config: "learning_rate" (default 1e-2)
    """
    config = {} if config is None else config
    config.setdefault("learning_rate", 1e-2)
    return w - config["learning_rate"] * dw, config


def sgd_momentum(w, dw, config=None):
    """SGD with momentum: v = momentum * v - learning_rate * dw; w += v.

    config: "learning_rate" (default 1e-2), "momentum" (default 0.9), "velocity" (state,
    starts at zeros of the shape of w)
    """
    config = {} if config is None else config
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity")
    if v is None:
        v = np.zeros_like(w)
    v = config["momentum"] * v - config["learning_rate"] * dw
    config["velocity"] = v
    return w + v, config


def adam(w, dw, config=None):
    """Adam: steps along running means of the gradient, divided by the root of running means
    of its square (both bias-corrected), so every parameter gets its own step size.

    config: "learning_rate" (default 1e-3), "beta1" (0.9), "beta2" (0.999), "epsilon" (1e-8),
    state "m", "v" (zeros of the shape of w at first) and "t" (steps taken); optional
    "cosine_steps": the step size follows half a cosine from learning_rate down to 0 over
    that many steps (and stays 0 after them). State arrays keep the dtype of w.
    """
    config = {} if config is None else config
    config.setdefault("learning_rate", 1e-3)
    config.setdefault("beta1", 0.9)
    config.setdefault("beta2", 0.999)
    config.setdefault("epsilon", 1e-8)
    if config.get("m") is None:
        config["m"], config["v"] = np.zeros_like(w), np.zeros_like(w)
    t = config["t"] = config.get("t", 0) + 1
    b1, b2 = config["beta1"], config["beta2"]
    m, v = config["m"], config["v"]
    m *= b1
    m += (1 - b1) * dw
    v *= b2
    v += (1 - b2) * dw * dw
    lr = config["learning_rate"]
    steps = config.get("cosine_steps")
    if steps:
        lr *= 0.5 * (1 + math.cos(math.pi * min(t - 1, steps) / steps))
    # the bias corrections folded into the step size
    step = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    return w - step * m / (np.sqrt(v) + config["epsilon"]), config


UPDATE_RULES = {"sgd": sgd, "sgd_momentum": sgd_momentum, "adam": adam}


def _progress_bar(total, enabled, desc):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="img", unit_scale=True, desc=desc, leave=True,
                dynamic_ncols=True)


class Solver:
    """Minibatch training of a classifier with a choice of update rule.

    Example:
        solver = Solver(model, data, update_rule="sgd_momentum",
                        optim_config={"learning_rate": 1e-2}, lr_decay=0.95,
                        num_epochs=10, batch_size=200)
        solver.train()
        solver.best_val_acc, solver.loss_history, solver.val_acc_history

    Inputs (constructor):
    - model: object with `params` and `loss` (see the module docstring)
    - data: dict with "X_train" (N_train, ...), "y_train" (N_train,) integer labels,
      "X_val", "y_val" likewise
    - update_rule: name in UPDATE_RULES or a function update(w, dw, config) -> (next_w, config)
    - optim_config: dict of hyperparameters for the update rule (each parameter gets its own copy)
    - lr_decay: the learning rate is multiplied by this after every epoch
    - batch_size: images per step (each pass over the training set visits the images in a new
      random order, without repeats)
    - num_epochs: passes over the training set (an epoch is max(N_train // batch_size, 1) steps);
      may be fractional; None (only with time_budget): as many as the time allows
    - time_budget: seconds; training stops at the first step that ends after this long (at
      least one step), whatever num_epochs allows. On a shared machine a fixed time, unlike a
      fixed number of steps, keeps the run inside its budget when the speed changes.
    - lr_schedule: None, or "cosine": every parameter's learning rate follows half a cosine
      from its start value down to 0 over the run, measured in elapsed time when time_budget
      is set, else in steps (lr_decay still multiplies the start value after every epoch)
    - num_train_samples: training images on which train accuracy is measured each epoch (None: all)
    - num_val_samples: validation images on which val accuracy is measured (None: all)
    - checkpoint_every: also measure accuracies every this many steps (0: only per epoch)
    - checkpoints: also measure accuracies this many times, evenly spread over the run (in time
      with time_budget, else in steps), the last at its end (0: none)
    - print_every: print the loss every this many steps (0: never)
    - progress: show a tqdm bar with images per second; None shows it unless the notebook is
      being graded (NBGRADER_EXECUTION is set)
    - on_nan: "stop" ends train() with a printed message and `diverged` set; "raise" raises
      LossDivergedError
    - restore_best: after training, put the parameters with the best validation accuracy back
    - seed: seed of the generator that draws the minibatches
    - augment: optional function (X_batch, rng) -> X_batch applied to each training minibatch
      (data augmentation such as random flips); never applied to the accuracy checks

    After train():
    - loss_history: list of floats, one per step
    - train_acc_history, val_acc_history: lists, one entry per epoch (and checkpoint)
    - epoch_history: the (fractional) epoch of each accuracy entry
    - best_val_acc, best_params, diverged (None or the message), seconds, images_per_second
    """

    def __init__(self, model, data, update_rule="sgd", optim_config=None, lr_decay=1.0,
                 batch_size=100, num_epochs=10, num_train_samples=1000, num_val_samples=None,
                 checkpoint_every=0, print_every=0, progress=None, on_nan="stop",
                 restore_best=True, seed=231, augment=None, time_budget=None, lr_schedule=None,
                 checkpoints=0):
        for key in ("X_train", "y_train", "X_val", "y_val"):
            if key not in data:
                raise KeyError(f"data needs the keys X_train, y_train, X_val, y_val; {key} is missing")
            check_array(data[key], f"data[{key!r}]")
        for split in ("train", "val"):
            if len(data[f"X_{split}"]) != len(data[f"y_{split}"]):
                raise ValueError(f"X_{split} has {len(data[f'X_{split}'])} rows but y_{split} "
                                 f"has {len(data[f'y_{split}'])} labels")
        if not getattr(model, "params", None):
            raise TypeError("model.params must be a non-empty dict of parameter arrays")
        if isinstance(update_rule, str):
            if update_rule not in UPDATE_RULES:
                raise ValueError(f"unknown update_rule {update_rule!r}; choose one of "
                                 f"{sorted(UPDATE_RULES)} or pass a function")
            update_rule = UPDATE_RULES[update_rule]
        if on_nan not in ("stop", "raise"):
            raise ValueError(f"on_nan must be 'stop' or 'raise', got {on_nan!r}")
        if num_epochs is None and time_budget is None:
            raise ValueError("give num_epochs, time_budget or both")
        if batch_size < 1 or (num_epochs is not None and num_epochs < 0):
            raise ValueError("batch_size must be >= 1 and num_epochs >= 0")
        if time_budget is not None and not time_budget > 0:
            raise ValueError(f"time_budget must be a number of seconds > 0, got {time_budget!r}")
        if lr_schedule not in (None, "cosine"):
            raise ValueError(f"lr_schedule must be None or 'cosine', got {lr_schedule!r}")
        self.model, self.data = model, data
        self.update_rule = update_rule
        self.optim_config = dict(optim_config or {})
        self.lr_decay = lr_decay
        self.batch_size = int(batch_size)
        self.num_epochs = num_epochs
        self.num_train_samples = num_train_samples
        self.num_val_samples = num_val_samples
        self.checkpoint_every = checkpoint_every
        self.print_every = print_every
        self.progress = ("NBGRADER_EXECUTION" not in os.environ) if progress is None else progress
        self.on_nan = on_nan
        self.restore_best = restore_best
        self.augment = augment
        self.time_budget = time_budget
        self.lr_schedule = lr_schedule
        self.checkpoints = int(checkpoints)
        self.rng = np.random.default_rng(seed)
        self._reset()

    def _reset(self):
        self.epoch = 0
        self.best_val_acc = 0.0
        self.best_params = {}
        self.loss_history, self.train_acc_history, self.val_acc_history = [], [], []
        self.epoch_history = []
        self.diverged = None
        self.seconds = 0.0
        self.images_per_second = 0.0
        self.optim_configs = {name: dict(self.optim_config) for name in self.model.params}
        # minibatches: a fresh random permutation of the training set for every pass over it
        self._batch = min(self.batch_size, len(self.data["X_train"]))
        self._order, self._position = np.zeros(0, dtype=np.int64), 0

    def _step(self):
        """One minibatch: loss and gradients from the model, then one update per parameter."""
        X, y = self.data["X_train"], self.data["y_train"]
        if self._position + self._batch > len(self._order):  # a new pass over the data
            self._order, self._position = self.rng.permutation(len(X)), 0
        idx = self._order[self._position:self._position + self._batch]
        self._position += self._batch
        X_batch, y_batch = X[idx], y[idx]
        if self.augment is not None:
            X_batch = self.augment(X_batch, self.rng)
        loss, grads = self.model.loss(X_batch, y_batch)
        loss = float(loss)
        self.loss_history.append(loss)
        if not math.isfinite(loss):
            return loss
        for name, w in self.model.params.items():
            if name not in grads:
                raise KeyError(f"model.loss returned no gradient for parameter {name!r}")
            next_w, self.optim_configs[name] = self.update_rule(w, grads[name],
                                                                self.optim_configs[name])
            w[...] = next_w  # in place: the model keeps the same arrays
        return loss

    def check_accuracy(self, X, y, num_samples=None, batch_size=1000):
        """Fraction of the rows of X that the model classifies as y (argmax of its scores).

        Inputs:
        - X: array of shape (N, ...); y: integer array of shape (N,)
        - num_samples: use a random subset of this many rows (None: all)
        - batch_size: rows scored at once (bounds the memory)
        """
        N = len(X)
        if num_samples is not None and N > num_samples:
            idx = self.rng.choice(N, num_samples, replace=False)
            X, y, N = X[idx], y[idx], num_samples
        correct = 0
        for start in range(0, N, batch_size):
            scores = self.model.loss(X[start:start + batch_size])
            correct += int(np.sum(np.argmax(scores, axis=1) == y[start:start + batch_size]))
        return correct / max(N, 1)

    def _checkpoint(self, epoch):
        train_acc = self.check_accuracy(self.data["X_train"], self.data["y_train"],
                                        self.num_train_samples)
        val_acc = self.check_accuracy(self.data["X_val"], self.data["y_val"], self.num_val_samples)
        self.train_acc_history.append(train_acc)
        self.val_acc_history.append(val_acc)
        self.epoch_history.append(epoch)
        if val_acc > self.best_val_acc or not self.best_params:
            self.best_val_acc = val_acc
            self.best_params = {k: v.copy() for k, v in self.model.params.items()}
        return train_acc, val_acc

    def _diverged(self, loss, step, steps_per_epoch):
        lr = self.optim_configs[next(iter(self.optim_configs))].get("learning_rate")
        message = (f"Training stopped: the loss became {loss} at step {step + 1} (epoch "
                   f"{step / steps_per_epoch:.2f}). The updates are too large: lower the learning "
                   f"rate (now {lr:.3g})" if lr is not None else
                   f"Training stopped: the loss became {loss} at step {step + 1}. Lower the learning rate")
        message += ", check the initial weight scale, or check the loss and gradients numerically."
        self.diverged = message
        return message

    def _progress(self, step, num_steps, start):
        """How far the run is, from 0 to 1: in time with a time budget, else in steps."""
        if self.time_budget is not None:
            return min((time.perf_counter() - start) / self.time_budget, 1.0)
        return min(step / max(num_steps, 1), 1.0)

    def train(self):
        """Run the optimization; returns self (histories are attributes)."""
        self._reset()
        N = len(self.data["X_train"])
        steps_per_epoch = max(N // self.batch_size, 1)
        num_steps = None if self.num_epochs is None else int(round(self.num_epochs * steps_per_epoch))
        if self.time_budget is None:
            total, desc = num_steps * self._batch, f"{self.num_epochs} epochs"
        else:
            total, desc = None, f"{self.time_budget:.0f} s"
        bar = _progress_bar(total, self.progress, desc)
        write = bar.write if bar is not None else print
        # the start value of each learning rate, which a schedule scales down
        base_lr = {name: config["learning_rate"] for name, config in self.optim_configs.items()
                   if "learning_rate" in config}
        checks_done = 0
        start = time.perf_counter()
        self._checkpoint(0.0)
        try:
            step = 0
            while num_steps is None or step < num_steps:
                if step > 0 and self.time_budget is not None and \
                        time.perf_counter() - start >= self.time_budget:
                    break
                if self.lr_schedule == "cosine":
                    scale = 0.5 * (1 + math.cos(math.pi * self._progress(step, num_steps, start)))
                    for name, lr in base_lr.items():
                        self.optim_configs[name]["learning_rate"] = lr * scale
                loss = self._step()
                if not math.isfinite(loss):
                    message = self._diverged(loss, step, steps_per_epoch)
                    if self.on_nan == "raise":
                        raise LossDivergedError(message)
                    write(message)
                    break
                if bar is not None:
                    bar.update(self._batch)
                    if step % 10 == 0:
                        bar.set_postfix(loss=f"{loss:.3f}", val=f"{self.val_acc_history[-1]:.3f}")
                if self.print_every and step % self.print_every == 0:
                    write(f"step {step + 1:6d}{'' if num_steps is None else f' / {num_steps}'}: "
                          f"loss {loss:.4f}")
                step += 1
                end_of_epoch = step % steps_per_epoch == 0
                if end_of_epoch:
                    self.epoch += 1
                    for name, config in self.optim_configs.items():
                        if "learning_rate" in config:
                            config["learning_rate"] *= self.lr_decay
                        if name in base_lr:
                            base_lr[name] *= self.lr_decay
                due = self.checkpoints and checks_done < self.checkpoints - 1 and \
                    self._progress(step, num_steps, start) >= (checks_done + 1) / self.checkpoints
                checks_done += bool(due)
                if end_of_epoch or due or (self.checkpoint_every and step % self.checkpoint_every == 0):
                    self._checkpoint(step / steps_per_epoch)
            # the last of the evenly spread checks: at the end of the run
            last = self.epoch_history[-1] if self.epoch_history else None
            if self.checkpoints and self.diverged is None and last != step / steps_per_epoch:
                self._checkpoint(step / steps_per_epoch)
        finally:
            if bar is not None:
                bar.close()
            self.seconds = time.perf_counter() - start
            steps_done = len(self.loss_history)
            self.images_per_second = steps_done * self._batch / max(self.seconds, 1e-9)
        if self.restore_best and self.best_params and self.diverged is None:
            for name, value in self.best_params.items():
                self.model.params[name][...] = value
        return self


def _history(obj, name):
    return getattr(obj, name) if hasattr(obj, name) else obj[name]


def plot_accuracy_history(train_acc_history, val_acc_history, epochs=None, ax=None, label=None):
    """Training and validation accuracy per epoch; returns the Axes.

    Inputs:
    - train_acc_history, val_acc_history: sequences of the same length
    - epochs: x positions (a Solver's epoch_history); None uses 0, 1, 2, ...
    - label: prefix of the legend entries (e.g. the setting)
    """
    train = np.asarray(train_acc_history, dtype=np.float64)
    val = np.asarray(val_acc_history, dtype=np.float64)
    if train.shape != val.shape:
        raise ValueError(f"train and val histories differ in length: {len(train)} and {len(val)}")
    x = np.arange(len(train)) if epochs is None else np.asarray(epochs, dtype=np.float64)
    ax = _axes(ax)
    prefix = f"{label}: " if label else ""
    line = ax.plot(x, train, "o-", label=f"{prefix}train")[0]
    ax.plot(x, val, "s--", color=line.get_color(), label=f"{prefix}val")
    ax.set_xlabel("epoch")
    ax.set_ylabel("accuracy")
    ax.legend()
    return ax


def plot_solver_history(solver, axes=None, title=None):
    """The loss curve and the accuracy curves of a trained Solver, side by side.

    Inputs:
    - solver: a Solver after train() (or a dict with the same history keys)
    - axes: two matplotlib Axes, or None for a new figure

    Returns the two Axes.
    """
    if axes is None:
        import matplotlib.pyplot as plt
        axes = plt.subplots(1, 2, figsize=(13, 4))[1]
    loss = _history(solver, "loss_history")
    train, val = _history(solver, "train_acc_history"), _history(solver, "val_acc_history")
    epochs = _history(solver, "epoch_history")
    steps_per_epoch = None
    if len(epochs) > 1 and epochs[-1] > 0:
        steps_per_epoch = len(loss) / epochs[-1]
    plot_loss_history(loss, ax=axes[0], smooth=max(1, min(50, len(loss) // 10)),
                      steps_per_epoch=steps_per_epoch)
    axes[0].set_title("training loss")
    plot_accuracy_history(train, val, epochs=epochs, ax=axes[1])
    axes[1].set_title("accuracy" if title is None else title)
    return axes
