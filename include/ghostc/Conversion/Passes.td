//===- Passes.td - ghostc conversion passes ----------------*- tablegen -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_CONVERSION_PASSES_TD
#define GHOSTC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertGhostToLinalg : Pass<"convert-ghost-to-linalg", "mlir::func::FuncOp"> {
  let summary = "Lower ghost ops to linalg ops on tensors";
  let description = [{
    Every ghost op becomes linalg (or tensor) ops in destination passing
    style. Dense convolutions become `linalg.conv_2d_nchw_fchw`, depthwise
    ones (one input and one output channel per group)
    `linalg.depthwise_conv_2d_nchw_chw`, which ghost-lower-convolutions
    turns into vector kernels; other grouped convolutions are one generic
    over (n, o, c, ky, kx, y, x) whose input channel is
    `(o floordiv Og) * Cg + c`. `ghost.ghost_module` computes
    its primary half into channels [0, init) of its result and its cheap
    half into [init, oup), through extract_slice/insert_slice pairs that
    bufferize in place: no concatenation and no slice copy.
  }];
  let dependentDialects = [
    "mlir::linalg::LinalgDialect", "mlir::tensor::TensorDialect",
    "mlir::arith::ArithDialect", "mlir::math::MathDialect"
  ];
}

def GhostPlanMemory : Pass<"ghost-plan-memory", "mlir::ModuleOp"> {
  let summary = "Place every buffer at a static offset in one workspace";
  let description = [{
    After bufferization, every `memref.alloc` of a function becomes a
    `memref.view` into a new trailing `memref<Sxi8>` workspace argument, at
    an offset chosen by first-fit over the buffers' live ranges (aliases
    through view-like ops extend a range). Offsets are 64-byte aligned. The
    function gets a `ghost.workspace_size` attribute, and every argument
    `llvm.noalias`: the ABI forbids overlapping inputs, outputs and
    workspace. `memref.copy` becomes `linalg.copy`, so the generated code
    calls no runtime library.
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::arith::ArithDialect"];
}

def GhostLowerConvolutions : Pass<"ghost-lower-convolutions", "mlir::ModuleOp"> {
  let summary = "Lower convolutions on buffers to register-blocked vector kernels";
  let description = [{
    Every `linalg.conv_2d_nchw_fchw` and `linalg.depthwise_conv_2d_nchw_chw`
    on f32 buffers of static shape (in every function of the module)
    becomes an affine loop nest over batch,
    blocks of output channels, output rows and blocks of output columns.
    The innermost body keeps `channel-block` x `vector-block` vectors of
    `vector-width` output columns in registers (depthwise: up to
    `channel-block * vector-block` vectors of a row, and, with 8 lanes or
    more, as many channels as make at least 8 independent sums when rows
    are shorter), accumulates the whole reduction
    into them with `vector.fma` and writes them back once. Grouped
    convolutions, the `linalg.generic` over (n, o, c, ky, kx, y, x) that
    convert-ghost-to-linalg writes for them (input channel `(o floordiv Og)
    * C + c`, body `out + in * filter`, nothing else matches), are lowered
    the same way with channel blocks cut to lie in one group, each reading
    its group's input channels. Input rows are
    `vector.transfer_read`s; at stride s, one read of s vectors' worth of
    columns and a `vector.shuffle` keeping every s-th lane. The last block
    of a row uses masked transfers. A 1x1 stride-1 convolution views its
    H*W planes as single rows. Other linalg ops are left alone.

    Pooling: `linalg.pooling_nchw_max` and `linalg.pooling_nchw_sum` are
    depthwise windows whose taps combine by `arith.maximumf` or
    `arith.addf` instead of a multiply-add with a weight; their padding
    value (below) is the lowest float for max pooling, zero for sums.

    Small planes: a stride-1 convolution whose zero padding (read through
    bounds, below) keeps the plane's size, and whose rows fill vectors at
    least 5% worse than its whole plane would (7 columns use 7 of 16 lanes,
    a 7x7 plane 49 of 64; a third worse for depthwise windows in blocks of
    rows, below, which read each input vector once for several rows), also
    reads and writes its planes as single rows of at most 16 vectors. Each
    tap then reads a contiguous run of the plane with `vector.maskedload`,
    lanes that fall in the padding masked off by a constant mask (and
    shifted in as zeros before the plane's start); taps that read only
    padding for a vector are left out.

    Fused epilogues: when the op that fills the output before the
    convolution is a `linalg.fill` or a generic broadcasting a rank-1 bias
    along the channels (only fills and copies of other buffers between), the
    accumulators start from that value and the op goes; otherwise they start
    from what the output holds. When the next op is an element-wise generic
    whose body is f32 arith/math and that either works in place on the
    output (an activation) or reads the output and other buffers of its
    shape into another buffer (a residual add; then nothing else may read
    the output, and that buffer must not be one the kernel reads), its
    body is applied to the accumulators, with the other inputs' vectors,
    before the store into its output, and the op goes. An element-wise op of
    one operand right after it (ResNet's ReLU after the residual add) is
    fused as well when it reads only that output, in place or into a new
    buffer, and nothing else reads the output it replaces.

    Fused input scale: when the input was written just before as another
    buffer times a scale per batch and channel (`y = x * s[n, c]`, or
    `s[n, c, 0, 0]` broadcast, in either order: squeeze-and-excitation's
    last step) and the convolution is its only
    reader, the kernel reads x and multiplies each weight by its input
    channel's s; the generic goes. Nothing between the two may write x or s.

    Padding through bounds: when the input is a buffer only filled with the
    padding value (zero; the lowest float for max pooling) and given a copy
    of a tensor in its interior (what a padded `ghost.conv` bufferizes to),
    the kernel reads that tensor: rows whose taps reach past its top or
    bottom are emitted one by one without those taps, and column blocks
    that reach past its left or right edge read masked vectors shifted with
    the padding value. The fill and the copy (`memref.copy`
    or `linalg.copy`) go; the pipeline runs this pass before
    ghost-plan-memory, so the padded buffer, now dead, takes no workspace.

    Channel kernel: a dense convolution other than 1x1 stride 1 (except a
    1x1 projection, C >= 2F, on a plane of at most 64 pixels), whose
    filter is a constant `memref.global` of dense f32, whose sums start
    from a fused bias or fill, without a fused input scale, with at least a
    vector of output channels and `channel-kernel-min-terms` (64) terms per
    output, is computed with output channels in the vector lanes instead (as blocked NCHW[c] libraries do, on NCHW
    buffers). The filter [F, C, kh, kw] is packed once into a new constant
    global `<name>_packed`, [ceil(F / w), C, kh, kw, w] with zeros past F,
    and the old global goes when nothing else reads it. The register block
    is `channel-group` vectors of output channels by `pixel-block` output
    pixels of a row (x86 with 32 vector registers: 4 x 6, 4 x 5 at a
    stride over 1, where broadcasts shared between taps need registers too;
    AArch64, whose
    multiply-adds hold each pixel's input in a register: 2 x 7; 16
    registers: 2 x 5); each
    step of the reduction loads one weight vector per channel vector and
    broadcasts one input value per pixel (`memref.load` and
    `vector.broadcast`), so strides cost nothing and padding is a tap left
    out of a border pixel (border rows and column blocks are emitted with
    constant positions; a window over 3x3 is an `affine.for` over its rows,
    carrying the sums, in rows whose taps all read input rows, unrolled
    elsewhere); a row's blocks are as few as the pixel block allows
    and as wide as each other but the last (28 columns of at most 12: 10,
    10, 8). Output planes of at most 64 pixels (7x7) are one
    run of pixels across rows, in blocks whose sizes differ by one at most.
    A grouped convolution qualifies when its groups hold whole vectors of
    output channels: its blocks hold one group's vectors (at most
    `channel-group`, a divisor of the group's), by as many more pixels as
    keep the accumulators' count (x86: 1 x 24 for groups of 16 channels).
    Before the store the sums are transposed in registers with
    `vector.shuffle` (log2(w) rounds of at most w shuffles per w pixels;
    lanes that are never stored are left undefined), so that each output
    channel's pixels are one vector, the fused epilogue applies as in the
    other kernels, and the store is a `vector.store` (a
    `vector.maskedstore` for fewer than w pixels).

    Depthwise windows (and pooling) with 8 lanes or more: blocks of one
    channel by `depthwise-rows` (3) or more output rows of a few vectors,
    as many rows as the accumulators allow (AVX-512: 2 vectors x 12 rows for
    rows of 28, 8 x 3 for 112); each input vector is read once for every
    output row whose window covers its row, a row's taps added to each sum
    in the order one row at a time would add them. Rows whose taps leave
    the input come one by one as before; the interior rows left over are
    one block. With 4 lanes, one row of several channels (above).

    Blocking: options left at 0 come from the module's `ghost.target`
    (vector width from `vector_bits`; 6 x 4 blocks with 32 vector registers,
    6 x 2 with fewer), else 8 lanes in 4 x 2 blocks (channel kernel: 2 x 6).
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"0",
           "f32 lanes per vector (0: from the module's ghost.target, else 8)">,
    Option<"channelBlock", "channel-block", "int64_t", /*default=*/"0",
           "Output channels per register block (0: from ghost.target's "
           "register count)">,
    Option<"vectorBlock", "vector-block", "int64_t", /*default=*/"0",
           "Vectors of output columns per register block (0: from "
           "ghost.target's register count)">,
    Option<"channelKernel", "channel-kernel", "bool", /*default=*/"true",
           "Compute dense convolutions with constant filters with output "
           "channels in vector lanes (packed filters)">,
    Option<"channelKernelMinTerms", "channel-kernel-min-terms", "int64_t",
           /*default=*/"64",
           "Channel kernel: the fewest terms (C x kh x kw) per output; below, "
           "its transposition and stores cost more than they save (stems on "
           "3 channels, 27 terms: 1.24-1.30x slower; ResNet's 7x7 stem, 147 "
           "terms: 0.67x)">,
    Option<"depthwiseRows", "depthwise-rows", "int64_t", /*default=*/"0",
           "Depthwise windows: the fewest output rows per register block, "
           "each input vector read once for all of them; 1: one row of "
           "several channels (0: from ghost.target, 3 with 8 lanes or more, "
           "else 1)">,
    Option<"channelGroup", "channel-group", "int64_t", /*default=*/"0",
           "Channel kernel: vectors of output channels per register block "
           "(0: from ghost.target, 4, 2 or 2)">,
    Option<"pixelBlock", "pixel-block", "int64_t", /*default=*/"0",
           "Channel kernel: output pixels per register block, at any stride "
           "(0: from ghost.target, 6 (5 strided), 7 or 5)">
  ];
  let dependentDialects = ["mlir::affine::AffineDialect",
                           "mlir::vector::VectorDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::arith::ArithDialect"];
}

def GhostCollapseGenericDims : Pass<"ghost-collapse-generic-dims", "mlir::func::FuncOp"> {
  let summary = "Merge the loops of linalg.generic ops on buffers that walk memory in one run";
  let description = [{
    On buffers, after ghost-lower-convolutions: every `linalg.generic` whose
    consecutive loops (of one iterator type) index every operand through
    consecutive dimensions, which are contiguous in memory, gets those loops
    merged into one (`linalg::collapseOpIterationDims`, operands viewed
    through `memref.collapse_shape`). An element-wise op on NCHW buffers
    becomes one loop over all elements, a per-channel broadcast or a
    spatial mean one loop over each H*W plane: long contiguous inner loops
    that LLVM vectorises with plain loads instead of short rows of 7 or 14
    columns, gathers and scatters. An operand read through a constant 0 on a
    size-1 axis (a per-channel scale `[C, 1, 1]` read at `(c, 0, 0)`, as a
    BatchNormalization that no convolution absorbs leaves) is first viewed
    without those axes, so that the loops it broadcasts over merge too.

    ```mlir
    // Before: loops (n, c, h, w), g read at (n, c).
    linalg.generic ins(%x, %g : memref<1x8x14x14xf32>, memref<1x8xf32>) ...
    // After: loops (n, c, h*w).
    %xc = memref.collapse_shape %x [[0], [1], [2, 3]] : ... into memref<1x8x196xf32>
    linalg.generic ins(%xc, %g : memref<1x8x196xf32>, memref<1x8xf32>) ...
    ```
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect",
                           "mlir::memref::MemRefDialect"];
}

def GhostApproximateMath : Pass<"ghost-approximate-math", "mlir::func::FuncOp"> {
  let summary = "Compute f32 exp and tanh as arithmetic instead of libm calls";
  let description = [{
    Every `math.exp` and `math.tanh` on f32 or vectors of f32 becomes
    arithmetic, MLIR's approximations
    (`populateMathPolynomialApproximationPatterns`): exp as a range
    reduction by ln 2 and a polynomial, within a few ulp of expf, with
    overflow, underflow and NaN as expf gives them; tanh as one rational
    function on the input clamped to [-7.99, 7.99] (x itself below 0.0004).
    The loops of softmax, sigmoid and SiLU (whose sigmoid is 0.5 + 0.5 *
    tanh(x / 2)) then vectorise, where calls to libm ran one element at a
    time, and the object needs no libm for them.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::math::MathDialect",
                           "mlir::vector::VectorDialect"];
}

def GhostJamAccumulations : Pass<"ghost-jam-accumulations", "mlir::func::FuncOp"> {
  let summary = "Unroll-and-jam reduction loops around loops that accumulate into memory";
  let description = [{
    On affine loops, after ghost-outline-layers (whose `llvm.noalias`
    arguments tell buffers apart). A dense layer on one pixel (a Gemm, a
    1x1 convolution after a global pool, an SE's two FCs) is, with its
    weights transposed at compile time,

    ```mlir
    affine.for %k = 0 to 1280 {
      affine.for %n = 0 to 1000 {
        %x = affine.load %in[%m, %k]    // invariant in %n
        %w = affine.load %weights[%k, %n]
        %y = affine.load %out[%m, %n]
        affine.store (%y + %x * %w), %out[%m, %n]
      }
    }
    ```

    whose inner loop loads and stores every accumulator once per term and
    reads one weight row at a time: bound by the memory's latency, not its
    bandwidth. This pass unroll-and-jams such an outer loop by `factor`
    (`affine::loopUnrollJamByFactor`, a cleanup loop for the remainder) and
    forwards each accumulator through the jammed copies: one load, `factor`
    multiply-adds reading `factor` weight rows at once, one store. Every
    accumulator takes its terms in the original order, so results are
    bit-identical.

    An outer loop qualifies when its body is one inner loop, the inner body
    holds only affine loads and stores and ops without memory effects, and
    every stored buffer is accessed in it at one place, indexed by the inner
    loop's variable and by values from outside the outer loop, and shares
    no memory with the other buffers the body reads: of every such pair,
    one is a `llvm.noalias` argument, an allocation or a constant global.
  }];
  let options = [
    Option<"factor", "factor", "int64_t", /*default=*/"8",
           "How many iterations of the outer loop each jammed iteration does">,
  ];
  let dependentDialects = ["mlir::affine::AffineDialect"];
}

def GhostOutlineLayers : Pass<"ghost-outline-layers", "mlir::ModuleOp"> {
  let summary = "Move each layer's loop nests into a function of its own";
  let description = [{
    Runs after ghost-plan-memory, on the model function (the one with a
    `ghost.workspace_size`). Consecutive top-level operations with side
    effects or regions (loop nests, copies) whose locations name the same
    ONNX node form one layer. Each layer becomes a private function
    `@layer.<node>` (the node's name with characters other than letters,
    digits, `_` and `.` as `_`; a suffix `.1`, `.2`... when a node gives
    several) whose arguments are the buffers it uses: model arguments, and
    workspace views at constant offsets, which the model function builds and
    passes. Other views and constants are cloned into the layer. An argument
    that shares no byte with the layer's other arguments is `llvm.noalias`,
    so that LLVM keeps sums in registers and vectorises without overlap
    checks. Layer functions are `noinline` with internal linkage: LLVM
    optimises them one at a time and profiles name every layer. A model
    function where one layer's results feed another is left whole.

    ```mlir
    func.func private @layer.Conv_12(%in: memref<1x3x224x224xf32> {llvm.noalias},
        %out: memref<1x16x112x112xf32> {llvm.noalias})
        attributes {llvm.linkage = #llvm.linkage<internal>,
                    passthrough = ["noinline"]} {
      affine.for ... { ... }
      return
    }
    func.func @main(...) {
      %view = memref.view %ws[%c0][] : memref<6007552xi8> to memref<1x16x112x112xf32>
      call @layer.Conv_12(%arg0, %view) : (...) -> ()
      ...
    }
    ```
  }];
  let dependentDialects = ["mlir::func::FuncDialect",
                           "mlir::LLVM::LLVMDialect"];
}

def GhostFlattenConstants : Pass<"ghost-flatten-constants", "mlir::ModuleOp"> {
  let summary = "Store constant globals of rank > 1 as 1-D arrays";
  let description = [{
    Gives every constant `memref.global` with a dense initial value, a static
    shape and the identity layout the 1-D type of its elements, with the same
    data, and follows each `memref.get_global` of it with a
    `memref.expand_shape` back to the shape its users read. The LLVM lowering
    of memrefs turns a global of rank n into nested arrays, and its
    initialiser into one uniqued LLVM constant per innermost row (one per
    weight for a 1x1 convolution): for GhostNet, millions of constants that
    took a third of the compile time. A 1-D global is one constant.

    ```mlir
    memref.global "private" constant @w : memref<8x16x1x1xf32> = dense<...>
    %w = memref.get_global @w : memref<8x16x1x1xf32>
    // becomes
    memref.global "private" constant @w : memref<128xf32> = dense<...>
    %0 = memref.get_global @w : memref<128xf32>
    %w = memref.expand_shape %0 [[0, 1, 2, 3]] output_shape [8, 16, 1, 1]
        : memref<128xf32> into memref<8x16x1x1xf32>
    ```
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def GhostDescribeLayers : Pass<"ghost-describe-layers", "mlir::ModuleOp"> {
  let summary = "Record what each ONNX node computes, for the layer profile";
  let description = [{
    Runs on the ghost dialect. Sets the module attribute `ghost.layers`: for
    every ONNX node named by an op's location, its op names (`conv`,
    `ghost_module+add`...), the shape of its last result (`1x16x112x112`) and
    its floating-point operations (two per multiply-accumulate for
    convolutions, Ghost modules, SE and dense layers; one per result element
    for the other computing ops; none for ops that only move data).
    ghost-profile-layers reads and removes it.
  }];
}

def GhostProfileLayers : Pass<"ghost-profile-layers", "mlir::ModuleOp"> {
  let summary = "Time every layer call of the model function";
  let description = [{
    Runs after ghost-outline-layers. In the model function (the one with a
    `ghost.workspace_size`), every call of a layer function is bracketed by
    `clock_gettime(CLOCK_MONOTONIC)` readings and its nanoseconds are added
    to `<prefix>_profile_ns[i]`, a public `memref<Lxi64>` global, i in call
    order. `<prefix>_profile_table`, a public constant byte string, lists the
    layers in the same order, one line each: ONNX node, ops, output shape and
    FLOPs, tab-separated (from `ghost.layers`, which it removes; `?` where a
    node was not described), then a NUL. The counters are shared: an object
    built this way is for measuring, not for concurrent calls.

    ```mlir
    %t0 = ... clock_gettime ...
    call @layer.Conv_0(%x, %v) : (...) -> ()
    %t1 = ... clock_gettime ...
    %ns = memref.load %times[%c0] : memref<76xi64>
    memref.store (%ns + %t1 - %t0), %times[%c0] : memref<76xi64>
    ```
  }];
  let options = [
    Option<"prefix", "prefix", "std::string", /*default=*/"\"model\"",
           "Prefix of the tables' symbols">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::func::FuncDialect",
                           "mlir::memref::MemRefDialect"];
}

def GhostShareLayers : Pass<"ghost-share-layers", "mlir::ModuleOp"> {
  let summary = "Generate code once for layers that differ only in their weights";
  let description = [{
    Runs after ghost-outline-layers. Private functions used only by calls,
    reading only constant globals, whose bodies are the same but for the
    globals they read (same signature and argument attributes, the same ops
    in order, the i-th top-level `memref.get_global` of each of the same
    type under any name) form a class. The first of a class with two or more members takes its
    globals as trailing arguments instead (`llvm.noalias`, `llvm.readonly`:
    constant weights), every call of a member calls it with that member's
    globals (`memref.get_global` in the caller), and the other members go.
    A function with a `get_global` nested in a region has no twin. Repeated
    blocks (GhostNet 1.0x: 20 of 74 layers) are then optimised and
    code-generated once.

    ```mlir
    func.func private @layer.a(%x: memref<8xf32>) {
      %w = memref.get_global @w_a : memref<8xf32>
      ...
    }
    func.func private @layer.b(%x: memref<8xf32>) {
      %w = memref.get_global @w_b : memref<8xf32>
      ...
    }
    // becomes
    func.func private @layer.a(%x: memref<8xf32>,
        %w: memref<8xf32> {llvm.noalias, llvm.readonly}) { ... }
    // and in the caller
    %wa = memref.get_global @w_a : memref<8xf32>
    call @layer.a(%x, %wa)
    %wb = memref.get_global @w_b : memref<8xf32>
    call @layer.a(%x, %wb)
    ```
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect",
                           "mlir::LLVM::LLVMDialect"];
}

def GhostEmitCInterface : Pass<"ghost-emit-c-interface", "mlir::ModuleOp"> {
  let summary = "Add the C entry points <prefix>_run and <prefix>_workspace_size";
  let description = [{
    Runs on the LLVM dialect. The model function `@main`, lowered with bare
    pointer arguments (inputs, outputs, workspace), becomes private and is
    called from `int32_t <prefix>_run(const void *const *inputs,
    void *const *outputs, void *workspace)`, which returns 1 when any
    pointer is null and 0 after the call. `<prefix>_workspace_size()`
    returns the `ghost.workspace_size` of `@main`.
  }];
  let options = [
    Option<"prefix", "prefix", "std::string", /*default=*/"\"model\"",
           "Prefix of the generated C symbols">
  ];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

#endif // GHOSTC_CONVERSION_PASSES_TD
