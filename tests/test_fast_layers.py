"""Tests for cs231n_utils.fast_layers against brute-force loops and finite differences."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cs231n_utils import eval_numerical_gradient_array, rel_error
from cs231n_utils.fast_layers import (
    conv_backward_fast, conv_forward_fast, conv_relu_backward, conv_relu_forward,
    conv_relu_pool_backward, conv_relu_pool_forward, max_pool_backward_fast,
    max_pool_forward_fast,
)

TOL = {np.float64: 1e-10, np.float32: 1e-5}


def error(got, want):
    """rel_error in float64; in float32, the largest error relative to the largest entry
    (entry by entry, float32 rounding makes near-zero sums look wrong)."""
    if got.dtype == np.float64:
        return rel_error(got, want)
    return float(np.max(np.abs(got - want)) / np.max(np.abs(want)))


def assert_gradients(grads, refs, tol, where=""):
    """dx, dw, db against the reference ones (a dx of None, when skipped, is not compared)."""
    for name, got, want in zip(("dx", "dw", "db"), grads, refs):
        if got is not None:
            assert error(got, want) < tol, f"{where} {name}"


@pytest.fixture
def rng():
    return np.random.default_rng(231)


# brute-force references: one loop iteration per output position

def conv_reference(x, w, b, stride, pad):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H2, W2 = 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, H2, W2))
    for n in range(N):
        for f in range(F):
            for i in range(H2):
                for j in range(W2):
                    patch = xp[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(patch * w[f]) + b[f]
    return out


def conv_backward_reference(dout, x, w, stride, pad):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp, dw = np.zeros_like(xp), np.zeros(w.shape)
    for n in range(N):
        for f in range(F):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    rows = slice(i * stride, i * stride + HH)
                    cols = slice(j * stride, j * stride + WW)
                    dw[f] += xp[n, :, rows, cols] * dout[n, f, i, j]
                    dxp[n, :, rows, cols] += w[f] * dout[n, f, i, j]
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))


def pool_reference(x, ph, pw, stride):
    """Forward and backward (for an all-ones dout: the argmax mask) by loops."""
    N, C, H, W = x.shape
    H2, W2 = 1 + (H - ph) // stride, 1 + (W - pw) // stride
    out = np.zeros((N, C, H2, W2), x.dtype)
    first = np.zeros((N, C, H2, W2, 2), int)
    for n in range(N):
        for c in range(C):
            for i in range(H2):
                for j in range(W2):
                    window = x[n, c, i * stride:i * stride + ph, j * stride:j * stride + pw]
                    out[n, c, i, j] = window.max()
                    a, b = np.unravel_index(np.argmax(window), window.shape)
                    first[n, c, i, j] = i * stride + a, j * stride + b
    return out, first


def pool_backward_reference(dout, x, first):
    dx = np.zeros_like(x)
    N, C, H2, W2, _ = first.shape
    for n in range(N):
        for c in range(C):
            for i in range(H2):
                for j in range(W2):
                    a, b = first[n, c, i, j]
                    dx[n, c, a, b] += dout[n, c, i, j]
    return dx


CONV_CASES = [
    # x shape, w shape, stride, pad
    ((2, 3, 5, 5), (4, 3, 3, 3), 1, 1),
    ((2, 3, 7, 7), (2, 3, 3, 3), 2, 1),
    ((1, 2, 9, 6), (3, 2, 3, 3), 3, 0),
    ((2, 1, 6, 8), (1, 1, 2, 4), 2, 0),
    ((3, 2, 5, 7), (2, 2, 3, 5), 1, 2),
    ((1, 4, 4, 4), (5, 4, 1, 1), 1, 0),
    ((2, 3, 8, 8), (2, 3, 4, 4), 2, 3),
    # stride 1: dx by the flipped-filter correlation (pad 0 .. HH - 1, enough input channels)
    # or by folding columns back (pad > HH - 1, few input channels)
    ((2, 4, 6, 5), (3, 4, 3, 3), 1, 0),
    ((1, 3, 4, 6), (2, 3, 3, 3), 1, 2),
    ((1, 2, 4, 4), (2, 2, 3, 3), 1, 3),
    ((2, 1, 5, 5), (4, 1, 3, 3), 1, 1),
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("x_shape, w_shape, stride, pad", CONV_CASES)
def test_conv_matches_brute_force(rng, dtype, x_shape, w_shape, stride, pad):
    x = rng.standard_normal(x_shape).astype(dtype)
    w = rng.standard_normal(w_shape).astype(dtype)
    b = rng.standard_normal(w_shape[0]).astype(dtype)
    param = {"stride": stride, "pad": pad}
    out, cache = conv_forward_fast(x, w, b, param)
    expected = conv_reference(x, w, b, stride, pad)
    assert out.shape == expected.shape
    assert out.dtype == dtype
    assert error(out, expected) < TOL[dtype]
    dout = rng.standard_normal(out.shape).astype(dtype)
    dx, dw, db = conv_backward_fast(dout, cache)
    dx_ref, dw_ref, db_ref = conv_backward_reference(dout, x, w, stride, pad)
    for name, got, want in (("dx", dx, dx_ref), ("dw", dw, dw_ref), ("db", db, db_ref)):
        assert got.shape == want.shape, name
        assert got.dtype == dtype, name
        assert error(got, want) < TOL[dtype], name


@pytest.mark.parametrize("x_shape, w_shape, stride, pad", CONV_CASES[:4])
def test_conv_backward_matches_numerical_gradient(rng, x_shape, w_shape, stride, pad):
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0])
    param = {"stride": stride, "pad": pad}
    out, cache = conv_forward_fast(x, w, b, param)
    dout = rng.standard_normal(out.shape)
    dx, dw, db = conv_backward_fast(dout, cache)
    dx_num = eval_numerical_gradient_array(lambda v: conv_forward_fast(v, w, b, param)[0], x, dout)
    dw_num = eval_numerical_gradient_array(lambda v: conv_forward_fast(x, v, b, param)[0], w, dout)
    db_num = eval_numerical_gradient_array(lambda v: conv_forward_fast(x, w, v, param)[0], b, dout)
    # centred differences with h = 1e-5 are good to ~1e-7 on near-zero entries
    assert rel_error(dx, dx_num) < 1e-6
    assert rel_error(dw, dw_num) < 1e-6
    assert rel_error(db, db_num) < 1e-6


def test_conv_chunks_give_the_same_result(rng, monkeypatch):
    """A batch split into chunks of one image gives the whole-batch answer."""
    from cs231n_utils import fast_layers
    x = rng.standard_normal((5, 3, 6, 6))
    w = rng.standard_normal((4, 3, 3, 3))
    b = rng.standard_normal(4)
    for param in ({"stride": 1, "pad": 1}, {"stride": 3, "pad": 0}):
        out, cache = conv_forward_fast(x, w, b, param)
        dout = rng.standard_normal(out.shape)
        grads = conv_backward_fast(dout, cache)
        monkeypatch.setattr(fast_layers, "CHUNK_BYTES", 1)
        out1, cache1 = conv_forward_fast(x, w, b, param)
        grads1 = conv_backward_fast(dout, cache1)
        monkeypatch.undo()
        assert rel_error(out1, out) < 1e-12
        for g1, g in zip(grads1, grads):
            assert rel_error(g1, g) < 1e-12


@pytest.mark.parametrize("nb", [1, 2])  # images per chunk (with 2, some ranges end on 1)
@pytest.mark.parametrize("x_shape, w_shape, stride, pad", [
    ((7, 4, 6, 5), (3, 4, 3, 3), 1, 1),  # dx by the flipped-filter correlation
    ((5, 2, 7, 7), (4, 2, 3, 3), 2, 1),  # dx folded back
])
def test_conv_threads_split_the_batch_correctly(rng, monkeypatch, nb, x_shape, w_shape, stride,
                                                 pad):
    """Every thread count gives the brute-force answer, also with uneven image ranges."""
    from cs231n_utils import fast_layers
    x = rng.standard_normal(x_shape)
    w = rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0])
    param = {"stride": stride, "pad": pad}
    expected = conv_reference(x, w, b, stride, pad)
    dout = rng.standard_normal(expected.shape)
    refs = conv_backward_reference(dout, x, w, stride, pad)
    monkeypatch.setattr(fast_layers, "_chunk_size", lambda N, per_image_bytes: min(N, nb))
    before = fast_layers.get_num_threads()
    try:
        for threads in (1, 2, 3, 8):
            fast_layers.set_num_threads(threads)
            out, cache = conv_forward_fast(x, w, b, param)
            assert rel_error(out, expected) < 1e-10, threads
            assert_gradients(conv_backward_fast(dout, cache), refs, 1e-10, f"{threads} threads")
    finally:
        fast_layers.set_num_threads(before)


def test_conv_reused_buffers_give_fresh_answers(rng):
    """Each thread keeps its chunk buffers for its next call: calls with new data, and other
    shapes, paddings and dtypes in between, still give the brute-force answers."""
    cases = [
        ((3, 4, 6, 5), (3, 4, 3, 3), 1, 1, np.float64),  # dx by the flipped filters
        ((3, 4, 6, 5), (3, 4, 3, 3), 1, 0, np.float64),
        ((3, 4, 6, 5), (3, 4, 3, 3), 1, 1, np.float32),
        ((3, 2, 7, 7), (4, 2, 3, 3), 2, 1, np.float64),  # dx folded back
        ((3, 2, 7, 7), (4, 2, 3, 3), 2, 1, np.float32),
    ]
    for x_shape, w_shape, stride, pad, dtype in cases * 2:
        x = rng.standard_normal(x_shape).astype(dtype)
        w = rng.standard_normal(w_shape).astype(dtype)
        b = rng.standard_normal(w_shape[0]).astype(dtype)
        out, cache = conv_forward_fast(x, w, b, {"stride": stride, "pad": pad})
        assert error(out, conv_reference(x, w, b, stride, pad)) < TOL[dtype]
        dout = rng.standard_normal(out.shape).astype(dtype)
        refs = conv_backward_reference(dout, x, w, stride, pad)
        for need_dx in (True, False):
            assert_gradients(conv_backward_fast(dout, cache, need_dx=need_dx), refs, TOL[dtype],
                             f"{x_shape} stride {stride} pad {pad}")


def test_thread_count_comes_from_the_environment(monkeypatch):
    from cs231n_utils import fast_layers
    monkeypatch.setenv("CS231N_THREADS", "3")
    assert fast_layers._default_threads() == 3
    monkeypatch.setenv("CS231N_THREADS", "three")
    with pytest.raises(ValueError, match="CS231N_THREADS must be a whole number, got 'three'"):
        fast_layers._default_threads()
    monkeypatch.delenv("CS231N_THREADS")
    assert 1 <= fast_layers._default_threads() <= 4
    with pytest.raises(ValueError, match="at least 1 thread"):
        fast_layers.set_num_threads(0)


def test_conv_float32_is_not_upcast(rng):
    x = rng.standard_normal((2, 3, 6, 6)).astype(np.float32)
    w = rng.standard_normal((2, 3, 3, 3))  # float64 filters: computed in float32 anyway
    b = rng.standard_normal(2)
    out, cache = conv_forward_fast(x, w, b, {"stride": 1, "pad": 1})
    assert out.dtype == np.float32
    dx, dw, db = conv_backward_fast(np.ones_like(out), cache)
    assert dx.dtype == np.float32
    assert dw.dtype == w.dtype and db.dtype == b.dtype


def test_conv_need_dx_false_returns_none(rng):
    x = rng.standard_normal((2, 3, 6, 6))
    w = rng.standard_normal((2, 3, 3, 3))
    b = rng.standard_normal(2)
    out, cache = conv_forward_fast(x, w, b, {"stride": 1, "pad": 1, "need_dx": False})
    dout = rng.standard_normal(out.shape)
    dx, dw, db = conv_backward_fast(dout, cache)
    assert dx is None
    _, dw_ref, db_ref = conv_backward_reference(dout, x, w, 1, 1)
    assert rel_error(dw, dw_ref) < 1e-10 and rel_error(db, db_ref) < 1e-10
    _, cache = conv_forward_fast(x, w, b, {"stride": 1, "pad": 1})
    assert conv_backward_fast(dout, cache, need_dx=False)[0] is None


def test_conv_stride_that_does_not_fit_names_numbers_and_a_pad(rng):
    x = rng.standard_normal((1, 1, 8, 8))
    w = rng.standard_normal((1, 1, 3, 3))
    b = np.zeros(1)
    with pytest.raises(ValueError, match=r"= \(8 \+ 2\*0 - 3\) = 5 is not divisible by stride 3"
                       ) as err:
        conv_forward_fast(x, w, b, {"stride": 3, "pad": 0})
    assert "Use pad=2" in str(err.value)
    with pytest.raises(ValueError, match=r"along W: .* = \(8 \+ 2\*0 - 3\) = 5 is not divisible"):
        conv_forward_fast(rng.standard_normal((1, 1, 6, 8)), w, b, {"stride": 3, "pad": 0})
    with pytest.raises(ValueError, match="No pad fits with stride 2"):  # 2*pad keeps the parity
        conv_forward_fast(x, w, b, {"stride": 2, "pad": 0})
    with pytest.raises(ValueError, match="w has 2 input channels"):
        conv_forward_fast(x, rng.standard_normal((1, 2, 3, 3)), b, {"stride": 1, "pad": 0})


POOL_CASES = [
    # x shape, pool height, pool width, stride
    ((2, 3, 8, 8), 2, 2, 2),
    ((2, 2, 7, 9), 3, 3, 2),
    ((1, 2, 6, 9), 2, 3, 2),
    ((2, 1, 6, 6), 3, 3, 3),
    ((1, 1, 5, 7), 1, 3, 2),
]


@pytest.mark.parametrize("ties", [False, True])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("x_shape, ph, pw, stride", POOL_CASES)
def test_max_pool_matches_brute_force(rng, dtype, x_shape, ph, pw, stride, ties):
    if ties:  # three values only: most windows hold several maxima
        x = rng.integers(0, 3, x_shape).astype(dtype)
    else:
        x = rng.standard_normal(x_shape).astype(dtype)
    param = {"pool_height": ph, "pool_width": pw, "stride": stride}
    out, cache = max_pool_forward_fast(x, param)
    expected, first = pool_reference(x, ph, pw, stride)
    assert out.shape == expected.shape and out.dtype == dtype
    np.testing.assert_array_equal(out, expected)
    dout = rng.standard_normal(out.shape).astype(dtype)
    dx = max_pool_backward_fast(dout, cache)
    assert dx.shape == x.shape and dx.dtype == dtype
    assert error(dx, pool_backward_reference(dout, x, first)) < TOL[dtype]


@pytest.mark.parametrize("x_shape, ph, pw, stride", POOL_CASES[:3])
def test_max_pool_backward_matches_numerical_gradient(rng, x_shape, ph, pw, stride):
    x = rng.permutation(np.prod(x_shape)).reshape(x_shape) / 10.0  # distinct values: no ties
    param = {"pool_height": ph, "pool_width": pw, "stride": stride}
    out, cache = max_pool_forward_fast(x, param)
    dout = rng.standard_normal(out.shape)
    dx_num = eval_numerical_gradient_array(lambda v: max_pool_forward_fast(v, param)[0], x, dout)
    assert rel_error(max_pool_backward_fast(dout, cache), dx_num) < 1e-8


@pytest.mark.parametrize("x_shape, ph, pw, stride", [
    ((1, 2, 6, 8), 2, 2, 2), ((1, 2, 7, 9), 3, 3, 2), ((1, 2, 6, 9), 2, 3, 2)])
def test_max_pool_ties_send_the_gradient_to_the_first_position_only(x_shape, ph, pw, stride):
    x = np.ones(x_shape)
    out, cache = max_pool_forward_fast(x, {"pool_height": ph, "pool_width": pw, "stride": stride})
    dx = max_pool_backward_fast(np.ones_like(out), cache)
    expected = np.zeros_like(x)
    expected[:, :, :stride * out.shape[2]:stride, :stride * out.shape[3]:stride] = 1
    np.testing.assert_array_equal(dx, expected)  # each window's top-left entry, once


def test_max_pool_window_that_does_not_fit_raises():
    x = np.zeros((1, 1, 7, 8))
    message = r"\(8 - 2\) = 6 is not divisible by stride 4. Crop x to W=6"
    with pytest.raises(ValueError, match=message):
        max_pool_forward_fast(x, {"pool_height": 3, "pool_width": 2, "stride": 4})


def test_conv_relu_pool_gradients(rng):
    x = rng.standard_normal((2, 3, 8, 8))
    w = rng.standard_normal((3, 3, 3, 3))
    b = rng.standard_normal(3)
    conv_param = {"stride": 1, "pad": 1}
    pool_param = {"pool_height": 2, "pool_width": 2, "stride": 2}
    out, cache = conv_relu_pool_forward(x, w, b, conv_param, pool_param)
    assert out.shape == (2, 3, 4, 4)
    dout = rng.standard_normal(out.shape)
    dx, dw, db = conv_relu_pool_backward(dout, cache)

    def f(x, w, b):
        return conv_relu_pool_forward(x, w, b, conv_param, pool_param)[0]
    assert rel_error(dx, eval_numerical_gradient_array(lambda v: f(v, w, b), x, dout)) < 1e-7
    assert rel_error(dw, eval_numerical_gradient_array(lambda v: f(x, v, b), w, dout)) < 1e-7
    assert rel_error(db, eval_numerical_gradient_array(lambda v: f(x, w, v), b, dout)) < 1e-7

    out, cache = conv_relu_forward(x, w, b, conv_param)
    assert out.min() >= 0
    dx, dw, db = conv_relu_backward(dout.repeat(2, 2).repeat(2, 3), cache)
    expected = conv_backward_fast(dout.repeat(2, 2).repeat(2, 3) * (out > 0),
                                  conv_forward_fast(x, w, b, conv_param)[1])
    for got, want in zip((dx, dw, db), expected):
        assert rel_error(got, want) < 1e-12


def test_fast_layers_does_not_import_torch():
    code = "import sys, cs231n_utils.fast_layers; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("layout", ["NHWC", "every other row"])
@pytest.mark.parametrize("x_shape, w_shape, stride, pad", [
    ((3, 4, 6, 5), (3, 4, 3, 3), 1, 1),  # dx by the flipped filters
    ((3, 2, 7, 7), (4, 2, 3, 3), 2, 1),  # dx folded back
])
def test_conv_takes_non_contiguous_input(rng, monkeypatch, layout, x_shape, w_shape, stride,
                                         pad):
    """x as a view (of images stored (N, H, W, C), or of every other row): the same answers,
    dx C-contiguous (also with one image per chunk, whose products go straight into dx)."""
    from cs231n_utils import fast_layers
    monkeypatch.setattr(fast_layers, "_chunk_size", lambda N, per_image_bytes: 1)
    N, C, H, W = x_shape
    if layout == "NHWC":
        x = rng.standard_normal((N, H, W, C)).transpose(0, 3, 1, 2)
    else:
        x = rng.standard_normal((N, C, 2 * H, W))[:, :, ::2]
    w = rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0])
    out, cache = conv_forward_fast(x, w, b, {"stride": stride, "pad": pad})
    assert rel_error(out, conv_reference(x, w, b, stride, pad)) < 1e-10
    dout = rng.standard_normal(out.shape)
    grads = conv_backward_fast(dout, cache)
    assert_gradients(grads, conv_backward_reference(dout, x, w, stride, pad), 1e-10, layout)
    assert grads[0].flags["C_CONTIGUOUS"]
