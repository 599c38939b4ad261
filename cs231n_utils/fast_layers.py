"""Fast convolution and max-pooling layers (provided, not graded), pure numpy.

Same API as the naive layers students write: `out, cache = <layer>_forward(...)` and
`dx, dw, db = <layer>_backward(dout, cache)`. Convolution is cross-correlation (no filter
flip) with zero padding on H and W.

How the convolution is fast without a compiled step:
- the batch is processed in chunks of a few images, so that each chunk's working set stays
  in the CPU cache;
- each chunk is padded into a channel-first buffer (C, n, Hp, Wp), and one `as_strided`
  copy turns it into a column matrix (C*HH*WW, n*H2*Wc) for one matrix product (GEMM);
- with stride 1 a column row is a whole padded row (Wc = Wp): the copies then move long
  contiguous runs, at the price of Wp - W2 extra columns per row that are discarded;
- the backward pass gets dx, with stride 1, as the full correlation of dout with the
  flipped filters (the same column-matrix product again); otherwise it folds columns
  back with one strided-slice add per kernel offset.
Everything runs in the dtype of x (float32 stays float32). The convolutions split the batch
into one range of images per thread (`set_num_threads`; default the environment variable
CS231N_THREADS, else the CPUs this process may use, at most 4); BLAS thread settings are left
alone, and one BLAS thread (OPENBLAS_NUM_THREADS=1) suits these chunk-sized products best.

Max pooling takes the maximum of pool_height * pool_width strided slices. Its backward pass
sends each window's gradient to exactly one position: the first maximum in row-major order
within the window (what `np.argmax` over the flattened window picks).
"""
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .checks import check_array

__all__ = [
    "conv_forward_fast",
    "conv_backward_fast",
    "max_pool_forward_fast",
    "max_pool_backward_fast",
    "conv_relu_forward",
    "conv_relu_backward",
    "conv_relu_pool_forward",
    "conv_relu_pool_backward",
    "set_num_threads",
    "get_num_threads",
]

# column matrix size per chunk: with its input and output it stays in a 2 MB L2 cache
CHUNK_BYTES = 2**20
# at least this many elements per strided add when dx is folded back from its columns
FOLD_ELEMENTS = 2**15


def _conv_geometry(x, w, conv_param):
    """Check the arguments; return (stride, pad, H2, W2)."""
    check_array(x, "x", ndim=4, kinds="f")
    check_array(w, "w", ndim=4, kinds="fiu")
    N, C, H, W = x.shape
    F, Cw, HH, WW = w.shape
    if Cw != C:
        raise ValueError(f"w has {Cw} input channels but x has {C}: w must be (F, {C}, HH, WW).")
    stride, pad = int(conv_param["stride"]), int(conv_param["pad"])
    if stride < 1 or pad < 0:
        raise ValueError(f"need stride >= 1 and pad >= 0, got stride={stride}, pad={pad}.")
    for name, size, k in (("H", H, HH), ("W", W, WW)):
        span = size + 2 * pad - k
        if span < 0:
            raise ValueError(
                f"the {k}-wide filter is larger than the padded input: {name} + 2*pad = "
                f"{size + 2 * pad} < {k}; use pad >= {(k - size + 1) // 2}."
            )
        if span % stride:
            raise ValueError(
                f"conv_param does not fit the input along {name}: ({name} + 2*pad - filter) "
                f"= ({size} + 2*{pad} - {k}) = {span} is not divisible by stride {stride}. "
                + _pad_hint(H, W, HH, WW, pad, stride)
            )
    return stride, pad, 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride


def _pad_hint(H, W, HH, WW, pad, stride):
    """A sentence suggesting the smallest pad >= the given one that fits both H and W."""
    for p in range(pad, pad + stride):
        if (H + 2 * p - HH) % stride == 0 and (W + 2 * p - WW) % stride == 0:
            return f"Use pad={p} (or another stride)."
    return f"No pad fits with stride {stride}: change the stride or crop the input."


def _row_layout(stride, Wp, W2, WW):
    """(Wc, tail): columns per output row and zeros needed after the padded buffer."""
    if stride == 1:
        # a column row is a whole padded row: long contiguous copies, Wp - W2 spare columns
        return Wp, WW - 1
    return W2, 0


def _chunk_size(N, per_image_bytes):
    return int(min(N, max(1, CHUNK_BYTES // per_image_bytes)))


def _default_threads():
    """CS231N_THREADS if set, else the CPUs this process may use (at most 4)."""
    value = os.environ.get("CS231N_THREADS", "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise ValueError(f"CS231N_THREADS must be a whole number, got {value!r}.") from None
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return min(4, cpus)


_threads = None
_pool = None
_pool_lock = threading.Lock()


def set_num_threads(n):
    """Use n threads (n >= 1) for the convolution layers; returns the previous number."""
    global _threads, _pool
    if int(n) < 1:
        raise ValueError(f"need at least 1 thread, got {n}.")
    before = get_num_threads()
    with _pool_lock:
        _threads = int(n)
        if _pool is not None and _threads != before:
            _pool.shutdown()
            _pool = None
    return before


def get_num_threads():
    """Threads the convolution layers use (CS231N_THREADS, or the usable CPUs up to 4)."""
    global _threads
    if _threads is None:
        _threads = _default_threads()
    return _threads


def _over_images(work, N, nb):
    """Run work(start, stop, nb) on contiguous image ranges, one per thread; list of results.

    nb: images per chunk wanted; each thread gets at least one full chunk, the chunks are
    evened out (so no thread waits on a short one) and each range is a whole number of them.
    numpy releases the GIL in matrix products and array copies, so the threads run side by
    side, each with its chunk in its own core's cache. One BLAS thread per call is best here
    (OPENBLAS_NUM_THREADS=1).
    """
    global _pool
    chunks = -(-N // nb)
    parts = min(get_num_threads(), N // nb)  # a thread for less than a full chunk costs more
    if parts <= 1:
        return [work(0, N, nb)]
    per = -(-chunks // parts)  # chunks per thread
    nb = -(-N // (parts * per))
    bounds = list(range(0, N, per * nb)) + [N]
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(get_num_threads(), thread_name_prefix="fast_layers")
        futures = [_pool.submit(work, a, z, nb) for a, z in zip(bounds[:-1], bounds[1:])]
    return [f.result() for f in futures]


def _padded(x, pad, tail, buf=None):
    """Zero-padded channel-first copy of x as a flat buffer (C*n*Hp*Wp + tail,).

    buf: a buffer this function returned before for a chunk of the same shape (its zeros are
    where they must be), to be filled again: with fresh buffers for every chunk, two threads
    were no faster than one.
    """
    n, C, H, W = x.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    if buf is None:
        buf = np.zeros(C * n * Hp * Wp + tail, x.dtype)
    buf[:C * n * Hp * Wp].reshape(C, n, Hp, Wp)[:, :, pad:pad + H, pad:pad + W] = (
        x.transpose(1, 0, 2, 3))
    return buf


def _cols(buf, shape, HH, WW, stride, H2, Wc, out=None):
    """Column matrix (C*HH*WW, n*H2*Wc) of a padded chunk, by one strided copy (into out, a
    contiguous array of that shape, if given)."""
    C, n, Hp, Wp = shape
    e = buf.itemsize
    windows = as_strided(
        buf, shape=(C, HH, WW, n, H2, Wc),
        strides=(n * Hp * Wp * e, Wp * e, e, Hp * Wp * e, stride * Wp * e, stride * e),
        writeable=False,
    )
    if out is None:
        out = np.empty((C * HH * WW, n * H2 * Wc), buf.dtype)
    out.reshape(windows.shape)[...] = windows  # np.copyto gained less from a second thread
    return out


def _chunk_cols(x, start, stop, nb, pad, tail, HH, WW, stride, H2, Wc):
    """(n0, n, cols) for each chunk of images start..stop: cols is the column matrix of the
    n images from n0; one set of buffers serves every chunk of nb images."""
    _, C, H, W = x.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    padded = cols = None
    for n0 in range(start, stop, nb):
        xc = x[n0:min(n0 + nb, stop)]
        n = xc.shape[0]
        if n < nb:  # the last, shorter chunk has its own layout
            padded = cols = None
        padded = _padded(xc, pad, tail, padded)
        cols = _cols(padded, (C, n, Hp, Wp), HH, WW, stride, H2, Wc, cols)
        yield n0, n, cols


def conv_forward_fast(x, w, b, conv_param):
    """Convolution layer forward pass (cross-correlation, zero padding on H and W).

    Inputs:
    - x: array of shape (N, C, H, W), float32 or float64
    - w: filters of shape (F, C, HH, WW)
    - b: biases of shape (F,)
    - conv_param: dict with 'stride' and 'pad'; optional 'need_dx': False makes the backward
      pass skip dx (e.g. for the first layer, whose input is the images)

    H2 = 1 + (H + 2*pad - HH) // stride, W2 = 1 + (W + 2*pad - WW) // stride; raises
    ValueError when the division is not exact.

    Returns a tuple of:
    - out: array of shape (N, F, H2, W2), in the dtype of x
    - cache: (x, w, b, conv_param) for conv_backward_fast
    """
    stride, pad, H2, W2 = _conv_geometry(x, w, conv_param)
    F, _, HH, WW = w.shape
    w2 = w.reshape(F, -1).astype(x.dtype, copy=False)  # (F, C*HH*WW)
    out = _correlate(x, w2, HH, WW, stride, pad, H2, W2, b)
    return out, (x, w, b, conv_param)


def _correlate(x, w2, HH, WW, stride, pad, H2, W2, b=None):
    """Cross-correlation of x (N, C, H, W) with filters w2 (F, C*HH*WW), plus the biases b
    (F,) if given: (N, F, H2, W2)."""
    N, C, H, W = x.shape
    F = w2.shape[0]
    Wc, tail = _row_layout(stride, W + 2 * pad, W2, WW)
    out = np.empty((N, F, H2, W2), x.dtype)
    bias = np.zeros(F, x.dtype) if b is None else np.asarray(b).astype(x.dtype, copy=False)
    nb = _chunk_size(N, w2.shape[1] * H2 * Wc * x.itemsize)

    def work(start, stop, nb):
        y = np.empty((F, nb * H2 * Wc), x.dtype)
        for n0, n, cols in _chunk_cols(x, start, stop, nb, pad, tail, HH, WW, stride, H2, Wc):
            yc = y[:, :n * H2 * Wc]
            np.matmul(w2, cols, out=yc)
            # drop the spare columns, reorder to (n, F, H2, W2) and add the biases in one pass
            np.add(yc.reshape(F, n, H2, Wc)[..., :W2].transpose(1, 0, 2, 3),
                   bias.reshape(1, F, 1, 1), out=out[n0:n0 + n])

    _over_images(work, N, nb)
    return out


def conv_backward_fast(dout, cache, need_dx=None):
    """Convolution layer backward pass.

    Inputs:
    - dout: upstream gradient of shape (N, F, H2, W2)
    - cache: (x, w, b, conv_param) from conv_forward_fast
    - need_dx: False skips dx (saves its matrix product and fold-back); None takes
      conv_param.get('need_dx', True)

    Returns a tuple of:
    - dx: gradient of shape (N, C, H, W) in the dtype of x, or None when skipped
    - dw: gradient of shape (F, C, HH, WW) in the dtype of w
    - db: gradient of shape (F,) in the dtype of b
    """
    x, w, b, conv_param = cache
    stride, pad, H2, W2 = _conv_geometry(x, w, conv_param)
    if need_dx is None:
        need_dx = conv_param.get("need_dx", True)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    check_array(dout, "dout", shape=(N, F, H2, W2))
    Hp, Wp = H + 2 * pad, W + 2 * pad
    Wc, tail = _row_layout(stride, Wp, W2, WW)
    dout = dout.astype(x.dtype, copy=False)
    w2 = w.reshape(F, -1).astype(x.dtype, copy=False)
    K = w2.shape[1]
    # with stride 1, dx is the full correlation of dout with the flipped filters: one more
    # column matrix and product, cheaper than folding columns back unless the layer has few
    # input channels (its product would be thin); otherwise the columns are folded back below
    transposed = need_dx and stride == 1 and HH == WW and pad <= HH - 1 and 2 * C >= F
    dx = np.empty_like(x) if need_dx and not transposed else None
    if transposed:
        w_flip = w.astype(x.dtype, copy=False)[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)
        dx = _correlate(dout, w_flip.reshape(C, -1), HH, WW, 1, HH - 1 - pad, H, W)
    e = x.itemsize
    nb = _chunk_size(N, K * H2 * Wc * e)
    if need_dx and not transposed:
        # the fold-back is one strided add per kernel offset: chunks large enough that each
        # add is worth its call (with one image of a 3-channel input, 49 tiny adds)
        nb = int(min(N, max(nb, -(-FOLD_ELEMENTS // (C * H2 * Wc)))))

    def work(start, stop, nb):
        """dw of images start..stop (transposed: cols @ dt.T is the faster order), and their dx
        when it is folded back."""
        dwT = np.zeros((K, F), x.dtype)
        dt = dbuf = None
        # the columns are recomputed rather than cached: a chunk's are cheap and stay in cache
        for n0, n, cols in _chunk_cols(x, start, stop, nb, pad, tail, HH, WW, stride, H2, Wc):
            if dt is None or dt.shape[1] != n:
                dt = np.zeros((F, n, H2, Wc), x.dtype)  # extra columns stay zero
            dt[..., :W2] = dout[n0:n0 + n].transpose(1, 0, 2, 3)
            dwT += cols @ dt.reshape(F, -1).T
            if not need_dx or transposed:
                continue
            dcols = (w2.T @ dt.reshape(F, -1)).reshape(C, HH, WW, n, H2, Wc)
            if dbuf is None or dbuf.size != C * n * Hp * Wp + tail:
                dbuf = np.empty(C * n * Hp * Wp + tail, x.dtype)
            dbuf.fill(0)
            # targets[i, j]: the positions kernel offset (i, j) touched; with Wc = Wp the extra
            # columns add zeros. Offsets overlap each other, so one add per offset.
            targets = as_strided(
                dbuf, shape=(HH, WW, C, n, H2, Wc),
                strides=(Wp * e, e, n * Hp * Wp * e, Hp * Wp * e, stride * Wp * e, stride * e),
            )
            for i in range(HH):
                for j in range(WW):
                    targets[i, j] += dcols[:, i, j]
            dxp = dbuf[:C * n * Hp * Wp].reshape(C, n, Hp, Wp)
            dx[n0:n0 + n] = dxp[:, :, pad:pad + H, pad:pad + W].transpose(1, 0, 2, 3)
        return dwT

    dwT = sum(_over_images(work, N, nb))
    db = dout.sum(axis=(0, 2, 3)).astype(np.asarray(b).dtype, copy=False)
    return dx, dwT.T.reshape(w.shape).astype(w.dtype, copy=False), db


def _pool_geometry(x, pool_param):
    """Check the arguments; return (pool_height, pool_width, stride, H2, W2)."""
    check_array(x, "x", ndim=4)
    _, _, H, W = x.shape
    ph, pw = int(pool_param["pool_height"]), int(pool_param["pool_width"])
    stride = int(pool_param["stride"])
    if ph < 1 or pw < 1 or stride < 1:
        raise ValueError(f"pool sizes and stride must be >= 1, got {ph}x{pw}, stride {stride}.")
    for name, size, k in (("H", H, ph), ("W", W, pw)):
        if size < k:
            raise ValueError(f"the pooling window ({k}) is larger than the input ({name}={size}).")
        if (size - k) % stride:
            fit = k + (size - k) // stride * stride
            raise ValueError(
                f"pool_param does not fit the input along {name}: ({name} - window) = "
                f"({size} - {k}) = {size - k} is not divisible by stride {stride}. "
                f"Crop x to {name}={fit} or choose another stride."
            )
    return ph, pw, stride, 1 + (H - ph) // stride, 1 + (W - pw) // stride


def _pool_slice(a, i, j, stride, H2, W2):
    """View of the window entries at offset (i, j): shape (N, C, H2, W2)."""
    return a[:, :, i:i + stride * (H2 - 1) + 1:stride, j:j + stride * (W2 - 1) + 1:stride]


def max_pool_forward_fast(x, pool_param):
    """Max-pooling forward pass (no padding).

    Inputs:
    - x: array of shape (N, C, H, W)
    - pool_param: dict with 'pool_height', 'pool_width' and 'stride'

    H2 = 1 + (H - pool_height) // stride, W2 = 1 + (W - pool_width) // stride; raises
    ValueError when the division is not exact.

    Returns a tuple of:
    - out: array of shape (N, C, H2, W2), in the dtype of x
    - cache: (x, out, pool_param) for max_pool_backward_fast
    """
    ph, pw, stride, H2, W2 = _pool_geometry(x, pool_param)
    # one strided slice per window offset; non-overlapping 2x2 windows need only four
    out = _pool_slice(x, 0, 0, stride, H2, W2).copy()
    for i in range(ph):
        for j in range(pw):
            if i or j:
                np.maximum(out, _pool_slice(x, i, j, stride, H2, W2), out=out)
    return out, (x, out, pool_param)


def max_pool_backward_fast(dout, cache):
    """Max-pooling backward pass.

    Each window's gradient goes to exactly one position: the first maximum of the window
    in row-major order, even when several entries tie (e.g. a constant input).

    Inputs:
    - dout: upstream gradient of shape (N, C, H2, W2)
    - cache: (x, out, pool_param) from max_pool_forward_fast

    Returns:
    - dx: gradient of shape (N, C, H, W), in the dtype of x
    """
    x, out, pool_param = cache
    ph, pw, stride, H2, W2 = _pool_geometry(x, pool_param)
    check_array(dout, "dout", shape=out.shape)
    dx = np.zeros_like(x)
    # windows that do not overlap (pool <= stride, e.g. 2x2 stride 2) own their positions:
    # write instead of add
    overlap = ph > stride or pw > stride
    # offsets in row-major order; a window is done once its first maximum got the gradient
    todo = np.ones(out.shape, bool)
    for i in range(ph):
        for j in range(pw):
            hit = _pool_slice(x, i, j, stride, H2, W2) == out
            hit &= todo
            target = _pool_slice(dx, i, j, stride, H2, W2)
            if overlap:
                target += dout * hit
            else:
                np.multiply(dout, hit, out=target)
            if (i, j) != (ph - 1, pw - 1):
                todo &= ~hit
    return dx


def conv_relu_forward(x, w, b, conv_param):
    """Convolution followed by a ReLU.

    Inputs: x (N, C, H, W), w (F, C, HH, WW), b (F,), conv_param as in conv_forward_fast.

    Returns a tuple of:
    - out: array of shape (N, F, H2, W2), max(0, conv(x))
    - cache: for conv_relu_backward
    """
    out, conv_cache = conv_forward_fast(x, w, b, conv_param)
    np.maximum(out, 0, out=out)  # out is a fresh array: rectify in place
    return out, (conv_cache, out)


def conv_relu_backward(dout, cache):
    """Backward pass of conv_relu_forward.

    Inputs:
    - dout: upstream gradient of shape (N, F, H2, W2)
    - cache: from conv_relu_forward

    Returns a tuple of:
    - dx (N, C, H, W) or None (when conv_param['need_dx'] is False), dw (F, C, HH, WW), db (F,)
    """
    conv_cache, out = cache
    return conv_backward_fast(dout * (out > 0), conv_cache)


def conv_relu_pool_forward(x, w, b, conv_param, pool_param):
    """Convolution, ReLU, then max pooling.

    Inputs: x (N, C, H, W), w (F, C, HH, WW), b (F,), conv_param as in conv_forward_fast,
    pool_param as in max_pool_forward_fast.

    Returns a tuple of:
    - out: array of shape (N, F, H3, W3), the pooled activations
    - cache: for conv_relu_pool_backward
    """
    a, relu_cache = conv_relu_forward(x, w, b, conv_param)
    out, pool_cache = max_pool_forward_fast(a, pool_param)
    return out, (relu_cache, pool_cache)


def conv_relu_pool_backward(dout, cache):
    """Backward pass of conv_relu_pool_forward.

    Inputs:
    - dout: upstream gradient of shape (N, F, H3, W3)
    - cache: from conv_relu_pool_forward

    Returns a tuple of:
    - dx (N, C, H, W) or None (when conv_param['need_dx'] is False), dw (F, C, HH, WW), db (F,)
    """
    relu_cache, pool_cache = cache
    da = max_pool_backward_fast(dout, pool_cache)
    return conv_relu_backward(da, relu_cache)
