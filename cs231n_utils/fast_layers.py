"""Fast convolution and max-pooling layers (provided, not graded), pure numpy.

Same API as the naive layers students write: `out, cache = <layer>_forward(...)` and
`dx, dw, db = <layer>_backward(dout, cache)`. Convolution is cross-correlation (no filter
flip) with zero padding on H and W.

How the convolution is fast without a compiled step:
- the batch is processed in chunks of a few images, so that each chunk's working set stays
  in the CPU cache;
- each chunk is padded into a channel-first buffer (C, n, Hp, Wp), and one `as_strided`
  copy turns it into a column matrix (C*HH*WW, n*H2*W2) for one matrix product (GEMM); a
  row of ones in it carries the biases;
- with stride 1 (and square filters, pad < filter size, at least half as many input channels
  as filters), the backward pass gets dx as the full correlation of dout with the flipped
  filters, and dw from the same column matrix of the padded dout times x; otherwise dw
  comes from the columns of x, and dx from folding columns back with one strided-slice add
  per kernel offset;
- each thread keeps its chunk buffers (and their zero borders) for the next call with the
  same shapes, instead of allocating fresh memory every time.
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
from concurrent.futures import ThreadPoolExecutor, wait

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
# scratch arrays each thread keeps for its next call (a few per layer shape)
SCRATCH_ENTRIES = 32


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
    """(Wc, tail): columns per output row and zeros needed after the padded buffer, for the
    backward pass that folds columns back."""
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

    nb: images per chunk wanted; the chunks are evened out (so no thread waits on a short
    one) and each range is a whole number of them; the calling thread takes the first.
    numpy releases the GIL in matrix products and array copies, so the threads run side by
    side, each with its chunk in its own core's cache. One BLAS thread per call is best here
    (OPENBLAS_NUM_THREADS=1).
    """
    global _pool
    chunks = -(-N // nb)
    parts = min(get_num_threads(), N)
    if parts <= 1:
        return [work(0, N, nb)]
    per = -(-chunks // parts)  # chunks per thread
    nb = -(-N // (parts * per))
    bounds = list(range(0, N, per * nb)) + [N]
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(get_num_threads() - 1, thread_name_prefix="fast_layers")
        # the calling thread takes the first range itself
        futures = [_pool.submit(work, a, z, nb) for a, z in zip(bounds[1:-1], bounds[2:])]
    try:
        first = work(bounds[0], bounds[1], nb)
    finally:
        wait(futures)  # no thread is left writing into the arrays
    return [first] + [f.result() for f in futures]


def _cache():
    """This thread's scratch arrays, by key (see _borrow)."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    return cache


def _borrow(made, key, make):
    """made[key], else this thread's scratch for key from an earlier call, else make().

    Reusing the chunk buffers (and their views) across calls spares making them for every
    chunk and the page faults of fresh memory: with new buffers for every call, page faults
    took up to a third of a small layer's time. _give_back(made) keeps them for the next call.
    """
    if key not in made:
        cache = _cache()
        made[key] = cache.pop(key) if key in cache else make()
    return made[key]


def _give_back(made):
    """Keep the scratch arrays in made for this thread's next call (the newest SCRATCH_ENTRIES)."""
    cache = _cache()
    for key, value in made.items():
        if len(cache) >= SCRATCH_ENTRIES:
            del cache[next(iter(cache))]  # the oldest
        cache[key] = value


_local = threading.local()


def _chunk_cols(x, pad, tail, nb, HH, WW, stride, H2, Wc, ones=False):
    """(n0, n, cols) for each chunk of nb images of x (N, C, H, W): cols is the column matrix
    (C*HH*WW, n*H2*Wc) of the n images from n0, with a last row of ones if ones is True
    (for the biases).

    Each chunk is copied into a zero-padded channel-first buffer (C, n, Hp, Wp) (+ tail
    zeros), and one strided copy of its windows makes the column matrix.
    """
    N, C, H, W = x.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    e = x.itemsize

    def make(n):
        buf = np.zeros(C * n * Hp * Wp + tail, x.dtype)
        inner = buf[:C * n * Hp * Wp].reshape(C, n, Hp, Wp)[:, :, pad:pad + H, pad:pad + W]
        windows = as_strided(
            buf, shape=(C, HH, WW, n, H2, Wc),
            strides=(n * Hp * Wp * e, Wp * e, e, Hp * Wp * e, stride * Wp * e, stride * e),
            writeable=False,
        )
        cols = np.ones((C * HH * WW + ones, n * H2 * Wc), x.dtype)
        return inner.transpose(1, 0, 2, 3), windows, cols, cols[:C * HH * WW].reshape(windows.shape)

    made = {}
    try:
        for n0 in range(0, N, nb):
            n = min(nb, N - n0)
            key = ("cols", x.dtype, C, H, W, pad, tail, n, HH, WW, stride, H2, Wc, ones)
            inner, windows, cols, cols_view = _borrow(made, key, lambda: make(n))
            inner[...] = x[n0:n0 + n]  # the zeros around stay from the first use
            cols_view[...] = windows  # np.copyto gained less from a second thread
            yield n0, n, cols
    finally:
        _give_back(made)


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
    out = _correlate(x, w2, b, HH, WW, stride, pad, H2, W2)
    return out, (x, w, b, conv_param)


def _correlate(x, w2, b, HH, WW, stride, pad, H2, W2):
    """Cross-correlation of x (N, C, H, W) with filters w2 (F, C*HH*WW), plus the biases b
    (F,): (N, F, H2, W2)."""
    N, C, H, W = x.shape
    F = w2.shape[0]
    out = np.empty((N, F, H2, W2), x.dtype)
    # the biases are one more column of the filters, against the columns' row of ones
    wb = np.concatenate([w2, np.asarray(b).astype(x.dtype, copy=False).reshape(F, 1)], axis=1)
    nb = _chunk_size(N, wb.shape[1] * H2 * W2 * x.itemsize)

    def work(start, stop, nb):
        made = {}
        # columns of exactly the output positions: no spare columns to multiply and drop
        for n0, n, cols in _chunk_cols(x[start:stop], pad, 0, nb, HH, WW, stride, H2, W2,
                                       ones=True):
            a = start + n0
            if n == 1:  # one image: the product is its output
                np.matmul(wb, cols, out=out[a].reshape(F, -1))
                continue
            y = _borrow(made, ("out", x.dtype, F, n, H2, W2),
                        lambda: np.empty((F, n, H2, W2), x.dtype))
            np.matmul(wb, cols, out=y.reshape(F, -1))
            out[a:a + n] = y.transpose(1, 0, 2, 3)
        _give_back(made)

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
    dout = dout.astype(x.dtype, copy=False)
    db = dout.sum(axis=(0, 2, 3)).astype(np.asarray(b).dtype, copy=False)
    # with stride 1, dx is the full correlation of dout with the flipped filters, and the
    # column matrix of the padded dout then gives dw too (one column matrix for both
    # products); unless the layer has few input channels (dx's product would be thin):
    # then dw comes from the columns of x and dx from folding them back
    if need_dx and stride == 1 and HH == WW and pad <= HH - 1 and 2 * C >= F:
        dx, dw = _transposed_backward(x, w, dout, pad)
    else:
        dx, dw = _folded_backward(x, w, dout, stride, pad, H2, W2, need_dx)
    return dx, dw.astype(w.dtype, copy=False), db


def _folded_backward(x, w, dout, stride, pad, H2, W2, need_dx):
    """dw from the column matrix of x, and dx (if need_dx, else None) by folding the columns
    of its gradient back onto the padded input: one strided add per kernel offset."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    Wc, tail = _row_layout(stride, Wp, W2, WW)
    w2T = w.reshape(F, -1).astype(x.dtype, copy=False).T  # (C*HH*WW, F)
    K = w2T.shape[0]
    e = x.itemsize
    dx = np.empty(x.shape, x.dtype) if need_dx else None
    nb = _chunk_size(N, K * H2 * Wc * e)
    if need_dx:
        # chunks large enough that each strided add is worth its call (with one image of a
        # 3-channel input, 49 tiny adds)
        nb = int(min(N, max(nb, -(-FOLD_ELEMENTS // (C * H2 * Wc)))))

    def make(n):
        dt = np.zeros((F, n, H2, Wc), x.dtype)  # the spare columns stay zero
        parts = [dt, dt[..., :W2].transpose(1, 0, 2, 3), np.empty((K, F), x.dtype)]
        if need_dx:
            dcols = np.empty((K, n * H2 * Wc), x.dtype)
            dbuf = np.empty(C * n * Hp * Wp + tail, x.dtype)
            # targets[i, j]: the positions kernel offset (i, j) touched; with Wc = Wp the
            # spare columns add zeros
            targets = as_strided(
                dbuf, shape=(HH, WW, C, n, H2, Wc),
                strides=(Wp * e, e, n * Hp * Wp * e, Hp * Wp * e, stride * Wp * e, stride * e),
            )
            dxp = dbuf[:C * n * Hp * Wp].reshape(C, n, Hp, Wp)
            parts += [dcols, dcols.reshape(C, HH, WW, n, H2, Wc), dbuf, targets,
                      dxp[:, :, pad:pad + H, pad:pad + W].transpose(1, 0, 2, 3)]
        return parts

    def work(start, stop, nb):
        """dw of images start..stop (transposed: cols @ dt.T is the faster order), and their dx
        if needed."""
        dwT = np.zeros((K, F), x.dtype)
        made = {}
        # the columns are recomputed rather than cached: a chunk's are cheap and stay in cache
        for n0, n, cols in _chunk_cols(x[start:stop], pad, tail, nb, HH, WW, stride, H2, Wc):
            key = ("fold", x.dtype, C, H, W, F, n, H2, Wc, W2, HH, WW, stride, pad, tail, need_dx)
            parts = _borrow(made, key, lambda: make(n))
            a = start + n0
            dt, dt_kept, product = parts[:3]
            dt_kept[...] = dout[a:a + n]
            dt2 = dt.reshape(F, -1)
            np.matmul(cols, dt2.T, out=product)
            dwT += product
            if need_dx:
                dcols, dcols6, dbuf, targets, dx_kept = parts[3:]
                np.matmul(w2T, dt2, out=dcols)
                dbuf.fill(0)
                for i in range(HH):  # kernel offsets overlap each other: one add per offset
                    for j in range(WW):
                        targets[i, j] += dcols6[:, i, j]
                dx[a:a + n] = dx_kept
        _give_back(made)
        return dwT

    dwT = sum(_over_images(work, N, nb))
    return dx, dwT.T.reshape(w.shape)


def _transposed_backward(x, w, dout, pad):
    """dx and dw of a stride-1 layer with square filters and pad <= HH - 1, both from the
    column matrix of dout padded by HH - 1 - pad.

    dx is the correlation of that padded dout with the flipped filters; and since
    dw[f, c, i, j] = sum over (h, w') of x[c, h, w'] * dout_padded[f, h + HH-1-i, w' + WW-1-j],
    dw (flipped) is the product of the same columns with x laid out like them.
    """
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    q = HH - 1 - pad
    K = F * HH * WW
    w_flip = w.astype(x.dtype, copy=False)[:, :, ::-1, ::-1].transpose(1, 0, 2, 3).reshape(C, K)
    dx = np.empty(x.shape, x.dtype)  # C order, whatever the layout of x: written by rows
    nb = _chunk_size(N, K * H * W * x.itemsize)

    def work(start, stop, nb):
        dw_flip = np.zeros((K, C), x.dtype)
        made = {}
        # columns of exactly (h, w) positions (no spare ones): x is then laid out like them,
        # and with one image per chunk the product is dx's own layout
        for n0, n, cols in _chunk_cols(dout[start:stop], q, 0, nb, HH, WW, 1, H, W):
            y, product = _borrow(made, ("transposed", x.dtype, C, F, n, H, W, HH),
                                 lambda: (np.empty((C, n * H * W), x.dtype),
                                          np.empty((K, C), x.dtype)))
            a = start + n0
            if n == 1:  # one image: the product is its dx
                np.matmul(w_flip, cols, out=dx[a].reshape(C, -1))
            else:
                np.matmul(w_flip, cols, out=y)
                dx[a:a + n] = y.reshape(C, n, H, W).transpose(1, 0, 2, 3)
            np.matmul(cols, x[a:a + n].transpose(1, 0, 2, 3).reshape(C, -1).T, out=product)
            dw_flip += product
        _give_back(made)
        return dw_flip

    dw_flip = sum(_over_images(work, N, nb)).reshape(F, HH, WW, C)
    return dx, dw_flip[:, ::-1, ::-1].transpose(0, 3, 1, 2)


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
    # windows that do not overlap (pool <= stride, e.g. 2x2 stride 2) own their positions:
    # write instead of add; windows as large as the stride tile x, so every position is written
    overlap = ph > stride or pw > stride
    dx = np.empty_like(x) if ph == pw == stride else np.zeros_like(x)
    # offsets in row-major order; a window is done once its first maximum got the gradient
    todo = np.ones(out.shape, bool)
    hit = np.empty(out.shape, bool)
    for i in range(ph):
        for j in range(pw):
            np.equal(_pool_slice(x, i, j, stride, H2, W2), out, out=hit)
            if i or j:
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
    (conv_cache, _), pool_cache = cache
    # the gradient reaches only each window's maximum, where the ReLU's mask is the pooled
    # value's: masking the pooled gradient is the same and a quarter of the work (2x2 pools)
    pooled = pool_cache[1]
    da = max_pool_backward_fast(dout * (pooled > 0), pool_cache)
    return conv_backward_fast(da, conv_cache)
