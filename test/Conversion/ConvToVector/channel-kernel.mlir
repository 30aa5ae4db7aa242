// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions="vector-width=4 channel-kernel-min-terms=1" | FileCheck %s
// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions="vector-width=4" | FileCheck %s --check-prefix=DEFAULT

// The tests use tiny reductions; by default a convolution needs 64 terms
// (C x kh x kw) per output for the channel kernel: 9 x 3 x 3 qualifies,
// 7 x 3 x 3 does not.
// DEFAULT-LABEL: func.func @order
// DEFAULT-NOT:   vector.shuffle
// DEFAULT-LABEL: func.func @enough_terms
// DEFAULT:       vector.shuffle
// DEFAULT-LABEL: func.func @few_terms
// DEFAULT-NOT:   vector.shuffle

// The channel kernel: dense convolutions with constant filters keep output
// channels in the vector lanes. The filter [F, C, kh, kw] is packed once into
// [ceil(F / 4), C, kh, kw, 4]: vector g of tap (c, ky, kx) holds output
// channels 4g .. 4g + 3, zeros past F = 5. The old global goes.
// CHECK-LABEL: module
// CHECK:       memref.global "private" constant @w_packed : memref<2x1x1x2x4xf32> = dense<{{\[\[\[\[\[}}1.000000e+00, 3.000000e+00, 5.000000e+00, 7.000000e+00], [2.000000e+00, 4.000000e+00, 6.000000e+00, 8.000000e+00]]]], {{\[\[\[\[}}9.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]]]>
// CHECK-NOT:   memref.global "private" constant @w :
// One block: 2 channel vectors x 4 pixels (the row's 4 columns), each
// input value broadcast once per tap for both vectors.
// CHECK-LABEL: func.func @order
// CHECK-SAME:  (%[[IN:.*]]: memref<1x1x1x5xf32>, %[[OUT:.*]]: memref<1x5x1x4xf32>)
// CHECK:       %[[W:.*]] = memref.get_global @w_packed
// CHECK:       %[[X0:.*]] = memref.load %[[IN]]
// CHECK-NEXT:  %[[B0:.*]] = vector.broadcast %[[X0]] : f32 to vector<4xf32>
// CHECK:       %[[W0:.*]] = vector.load %[[W]][%[[C0:.*]], %[[C0]], %[[C0]], %[[C0]], %[[C0]]] : memref<2x1x1x2x4xf32>, vector<4xf32>
// CHECK-NEXT:  vector.fma %[[B0]], %[[W0]], %{{.*}} : vector<4xf32>
// CHECK-COUNT-3: vector.fma
// CHECK:       %[[W1:.*]] = vector.load %[[W]][%[[C1:.*]], %[[C0]], %[[C0]], %[[C0]], %[[C0]]]
// CHECK-NEXT:  vector.fma %[[B0]], %[[W1]]
// The second tap (kx = 1) reads the next column under every pixel.
// CHECK:       vector.load %[[W]][%[[C0]], %[[C0]], %[[C0]], %[[C1]], %[[C0]]]
// CHECK-COUNT-4: vector.fma
// CHECK:       vector.load %[[W]][%[[C1]], %[[C0]], %[[C0]], %[[C1]], %[[C0]]]
// CHECK-COUNT-4: %{{.*}} = vector.fma
// The 4 pixels x 4 channels of the first vector transposed in two rounds of
// four shuffles (pixel pairs, then pairs of pairs), then one store per
// channel; of the second vector only channel 4 exists.
// CHECK:       %[[S0:.*]] = vector.shuffle %[[P0:.*]], %[[P1:.*]] [0, 4, 2, 6]
// CHECK-NEXT:  %[[S1:.*]] = vector.shuffle %[[P0]], %[[P1]] [1, 5, 3, 7]
// CHECK-NEXT:  %[[S2:.*]] = vector.shuffle %[[P2:.*]], %[[P3:.*]] [0, 4, 2, 6]
// CHECK-NEXT:  %[[S3:.*]] = vector.shuffle %[[P2]], %[[P3]] [1, 5, 3, 7]
// CHECK-NEXT:  %[[T0:.*]] = vector.shuffle %[[S0]], %[[S2]] [0, 1, 4, 5]
// CHECK-NEXT:  %[[T2:.*]] = vector.shuffle %[[S0]], %[[S2]] [2, 3, 6, 7]
// CHECK-NEXT:  %[[T1:.*]] = vector.shuffle %[[S1]], %[[S3]] [0, 1, 4, 5]
// CHECK-NEXT:  %[[T3:.*]] = vector.shuffle %[[S1]], %[[S3]] [2, 3, 6, 7]
// CHECK-NEXT:  vector.store %[[T0]], %[[OUT]][%{{.*}}, %[[C0]], %{{.*}}, %[[X:.*]]]
// CHECK-NEXT:  vector.store %[[T1]], %[[OUT]][%{{.*}}, %[[C1]], %{{.*}}, %[[X]]]
// CHECK-NEXT:  vector.store %[[T2]], %[[OUT]][%{{.*}}, %[[C2:.*]], %{{.*}}, %[[X]]]
// CHECK-NEXT:  vector.store %[[T3]], %[[OUT]][%{{.*}}, %[[C3:.*]], %{{.*}}, %[[X]]]
// CHECK:       %[[T4:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 1, 4, 5]
// CHECK:       vector.store %[[T4]], %[[OUT]][%{{.*}}, %[[C4:.*]], %{{.*}}, %[[X]]]
// CHECK-NOT:   vector.store
// CHECK:       return
module {
  memref.global "private" constant @w : memref<5x1x1x2xf32> = dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]], [[[5.0, 6.0]]], [[[7.0, 8.0]]], [[[9.0, 10.0]]]]> {alignment = 64 : i64}
  func.func @order(%in: memref<1x1x1x5xf32>, %out: memref<1x5x1x4xf32>) {
    %w = memref.get_global @w : memref<5x1x1x2xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x5x1x4xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x1x1x5xf32>, memref<5x1x1x2xf32>) outs(%out : memref<1x5x1x4xf32>)
    return
  }
  memref.global "private" constant @w9 : memref<4x9x3x3xf32> = dense<1.0>
  func.func @enough_terms(%in: memref<1x9x5x5xf32>, %out: memref<1x4x3x3xf32>) {
    %w = memref.get_global @w9 : memref<4x9x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x4x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x9x5x5xf32>, memref<4x9x3x3xf32>) outs(%out : memref<1x4x3x3xf32>)
    return
  }
  memref.global "private" constant @w7 : memref<4x7x3x3xf32> = dense<1.0>
  func.func @few_terms(%in: memref<1x7x5x5xf32>, %out: memref<1x4x3x3xf32>) {
    %w = memref.get_global @w7 : memref<4x7x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x4x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x7x5x5xf32>, memref<4x7x3x3xf32>) outs(%out : memref<1x4x3x3xf32>)
    return
  }
}

// -----

// Stride 2 with zero padding read through bounds: a tap's input column is
// 2x - 1 + kx, a broadcast scalar; the fill and copy of the padded input go.
// Row 0 (its ky = 0 taps above the input) and the column blocks at a row's
// ends are emitted with constant positions, the blocks between (columns 6
// to 36, 6 pixels each) in a loop. The sums start from the bias, the ReLU
// runs on the transposed vectors before the store; 6 pixels are a vector
// of 4 and a masked store of 2.
#channel = affine_map<(d0, d1, d2, d3) -> (d1)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// DEFAULT-LABEL: func.func @strided
// CHECK-LABEL: func.func @strided
// CHECK-SAME:  (%[[IN:.*]]: memref<1x1x4x80xf32>, %[[BIAS:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<1x4x2x40xf32>)
// CHECK-NOT:   linalg.
// CHECK:       %[[MASK:.*]] = arith.constant dense<[true, true, false, false]> : vector<4xi1>
// CHECK:       affine.for %[[N:.*]] = 0 to 1 {
// CHECK:         vector.transfer_read %[[BIAS]]
// CHECK:         affine.for %[[X:.*]] = 6 to 36 step 6 {
// CHECK:           %[[START:.*]] = vector.transfer_read %[[BIAS]][%{{.*}}], %{{.*}} {in_bounds = [true]}
// CHECK:           %[[COLUMN:.*]] = affine.apply #{{.*}}(%[[X]])
// CHECK:           memref.load %[[IN]][%[[N]], %{{.*}}, %{{.*}}, %[[COLUMN]]]
// CHECK:           vector.fma %{{.*}}, %{{.*}}, %[[START]]
// CHECK:           %[[R0:.*]] = arith.maximumf
// CHECK-NEXT:      vector.store %[[R0]], %[[OUT]][%[[N]], %{{.*}}, %{{.*}}, %[[X]]]
// The last 2 pixels' transposition: a round of pairs, then each row's
// high lanes moved down (lanes 2 and 3 are never stored).
// CHECK:           vector.shuffle %[[H:.*]], %[[H]] [2, 3, -1, -1]
// CHECK:           %[[X4:.*]] = affine.apply #{{.*}}(%[[X]])
// CHECK:           %[[R4:.*]] = arith.maximumf
// CHECK-NEXT:      vector.maskedstore %[[OUT]][%[[N]], %{{.*}}, %{{.*}}, %[[X4]]], %[[MASK]], %[[R4]]
// CHECK:         }
// The interior row's blocks run in a loop over rows [1, 2).
// CHECK:         affine.for %{{.*}} = 1 to 2 {
// CHECK:           affine.for %{{.*}} = 6 to 36 step 6 {
// CHECK-NOT:   linalg.
// CHECK:       return
module {
  memref.global "private" constant @w : memref<4x1x3x3xf32> = dense<1.0>
  func.func @strided(%in: memref<1x1x4x80xf32>, %bias: memref<4xf32>, %out: memref<1x4x2x40xf32>) {
    %w = memref.get_global @w : memref<4x1x3x3xf32>
    linalg.generic {indexing_maps = [#channel, #id],
                    iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
        ins(%bias : memref<4xf32>) outs(%out : memref<1x4x2x40xf32>) {
    ^bb0(%b: f32, %o: f32):
      linalg.yield %b : f32
    }
    %pad = memref.alloc() : memref<1x1x6x82xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%pad : memref<1x1x6x82xf32>)
    %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 4, 80] [1, 1, 1, 1]
        : memref<1x1x6x82xf32> to memref<1x1x4x80xf32, strided<[492, 492, 82, 1], offset: 83>>
    linalg.copy ins(%in : memref<1x1x4x80xf32>)
        outs(%interior : memref<1x1x4x80xf32, strided<[492, 492, 82, 1], offset: 83>>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%pad, %w : memref<1x1x6x82xf32>, memref<4x1x3x3xf32>) outs(%out : memref<1x4x2x40xf32>)
    linalg.generic {indexing_maps = [#id],
                    iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
        outs(%out : memref<1x4x2x40xf32>) {
    ^bb0(%o: f32):
      %c0 = arith.constant 0.0 : f32
      %r = arith.maximumf %o, %c0 : f32
      linalg.yield %r : f32
    }
    return
  }
}

// -----

// A plane of at most 64 pixels is one run of pixels across rows, in blocks
// of at most 6 whose sizes differ by one at most: the 3x3 output's 9
// pixels are blocks of 5 (stored at 0: 4 lanes, then 1 masked at 4) and 4
// (at 5), in the planes viewed as rows. Two input channels: the reduction
// is a loop carrying 2 x 5, then 2 x 4 sums. Two convolutions with one
// filter share one packed global.
// CHECK-LABEL: module
// CHECK-COUNT-1: memref.global "private" constant @w_packed
// CHECK-NOT:   memref.global
// CHECK-LABEL: func.func @plane
// CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:   %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG:   %[[C5:.*]] = arith.constant 5 : index
// CHECK:       %[[ROW:.*]] = memref.expand_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] output_shape [1, 8, 1, 9]
// CHECK:       %{{.*}}:10 = affine.for %{{.*}} = 0 to 2 iter_args
// CHECK:       vector.store %{{.*}}, %[[ROW]][%{{.*}}, %{{.*}}, %[[C0]], %[[C0]]]
// CHECK:       vector.maskedstore %[[ROW]][%{{.*}}, %{{.*}}, %[[C0]], %[[C4]]]
// CHECK:       %{{.*}}:8 = affine.for %{{.*}} = 0 to 2 iter_args
// CHECK:       vector.store %{{.*}}, %[[ROW]][%{{.*}}, %{{.*}}, %[[C0]], %[[C5]]]
// CHECK-NOT:   vector.maskedstore
// CHECK-LABEL: func.func @same_filter
// CHECK:       memref.get_global @w_packed
module {
  memref.global "private" constant @w : memref<8x2x3x3xf32> = dense<0.5>
  func.func @plane(%in: memref<1x2x5x5xf32>, %out: memref<1x8x3x3xf32>) {
    %w = memref.get_global @w : memref<8x2x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x3x3xf32>) outs(%out : memref<1x8x3x3xf32>)
    return
  }
  func.func @same_filter(%in: memref<1x2x5x5xf32>, %out: memref<1x8x3x3xf32>) {
    %w = memref.get_global @w : memref<8x2x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x3x3xf32>) outs(%out : memref<1x8x3x3xf32>)
    return
  }
}

// -----

// Near misses, each lowered by the other kernels: a filter that is not a
// constant global, a 1x1 stride-1 convolution (the pointwise kernel) that
// does not project (C >= 2F) or projects a plane of more than 64 pixels,
// sums that start from what the output holds, fewer output channels than a
// vector. A global another op still reads is kept beside its packed copy. A
// 1x1 projection on a plane of at most 64 pixels takes the channel kernel.
// CHECK-LABEL: module
// CHECK-DAG:   memref.global "private" constant @kept_packed
// CHECK-DAG:   memref.global "private" constant @kept :
// CHECK-DAG:   memref.global "private" constant @pw :
// CHECK-DAG:   memref.global "private" constant @pwl :
// CHECK-DAG:   memref.global "private" constant @proj_packed
// CHECK-DAG:   memref.global "private" constant @uf :
// CHECK-DAG:   memref.global "private" constant @nw :
// CHECK-NOT:   @pw_packed
// CHECK-NOT:   @pwl_packed
// CHECK-NOT:   @uf_packed
// CHECK-NOT:   @nw_packed
// CHECK-LABEL: func.func @argument
// CHECK-NOT:   vector.shuffle
// CHECK:       vector.transfer_read
// CHECK-NOT:   vector.shuffle
// CHECK-LABEL: func.func @pointwise
// CHECK-NOT:   vector.shuffle
// CHECK-LABEL: func.func @large_plane_projection
// CHECK-NOT:   vector.shuffle
// CHECK-LABEL: func.func @projection
// CHECK:       memref.get_global @proj_packed
// CHECK:       vector.shuffle
// CHECK-LABEL: func.func @unfilled
// CHECK-NOT:   vector.shuffle
// CHECK-LABEL: func.func @narrow
// CHECK-NOT:   vector.shuffle
// CHECK-LABEL: func.func @keeps
// CHECK:       memref.get_global @kept :
// CHECK:       memref.get_global @kept_packed
// CHECK:       vector.shuffle
// CHECK:       memref.copy
module {
  memref.global "private" constant @pw : memref<8x2x1x1xf32> = dense<1.0>
  memref.global "private" constant @pwl : memref<4x8x1x1xf32> = dense<1.0>
  memref.global "private" constant @proj : memref<4x8x1x1xf32> = dense<1.0>
  memref.global "private" constant @uf : memref<8x2x3x3xf32> = dense<1.0>
  memref.global "private" constant @nw : memref<2x2x3x3xf32> = dense<1.0>
  memref.global "private" constant @kept : memref<8x2x3x3xf32> = dense<1.0>
  func.func @argument(%in: memref<1x2x5x5xf32>, %w: memref<8x2x3x3xf32>, %out: memref<1x8x3x3xf32>) {
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x3x3xf32>) outs(%out : memref<1x8x3x3xf32>)
    return
  }
  func.func @pointwise(%in: memref<1x2x5x5xf32>, %out: memref<1x8x5x5xf32>) {
    %w = memref.get_global @pw : memref<8x2x1x1xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x5x5xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x1x1xf32>) outs(%out : memref<1x8x5x5xf32>)
    return
  }
  func.func @large_plane_projection(%in: memref<1x8x9x9xf32>, %out: memref<1x4x9x9xf32>) {
    %w = memref.get_global @pwl : memref<4x8x1x1xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x4x9x9xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x9x9xf32>, memref<4x8x1x1xf32>) outs(%out : memref<1x4x9x9xf32>)
    return
  }
  func.func @projection(%in: memref<1x8x7x7xf32>, %out: memref<1x4x7x7xf32>) {
    %w = memref.get_global @proj : memref<4x8x1x1xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x4x7x7xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x7x7xf32>, memref<4x8x1x1xf32>) outs(%out : memref<1x4x7x7xf32>)
    return
  }
  func.func @unfilled(%in: memref<1x2x5x5xf32>, %out: memref<1x8x3x3xf32>) {
    %w = memref.get_global @uf : memref<8x2x3x3xf32>
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x3x3xf32>) outs(%out : memref<1x8x3x3xf32>)
    return
  }
  func.func @narrow(%in: memref<1x2x5x5xf32>, %out: memref<1x2x3x3xf32>) {
    %w = memref.get_global @nw : memref<2x2x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x2x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<2x2x3x3xf32>) outs(%out : memref<1x2x3x3xf32>)
    return
  }
  func.func @keeps(%in: memref<1x2x5x5xf32>, %out: memref<1x8x3x3xf32>, %copy: memref<8x2x3x3xf32>) {
    %w = memref.get_global @kept : memref<8x2x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x3xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x2x5x5xf32>, memref<8x2x3x3xf32>) outs(%out : memref<1x8x3x3xf32>)
    memref.copy %w, %copy : memref<8x2x3x3xf32> to memref<8x2x3x3xf32>
    return
  }
}

// -----

// A window over 3x3 loops over its rows (carrying the sums) in rows whose
// taps all read input rows, and unrolls them in border rows (here row 0,
// whose first window row is padding) and in plane mode; a block's code is
// then one window row of 5 taps for 2 channel vectors x 6 pixels.
// CHECK-LABEL: func.func @window_rows
// CHECK:       affine.for %[[Y:.*]] = 1 to 3 {
// CHECK:       affine.for %[[C:.*]] = 0 to 2 iter_args
// CHECK:       affine.for %[[KY:.*]] = 0 to 5 iter_args
// CHECK:       vector.load %{{.*}}[%{{.*}}, %[[C]], %[[KY]], %{{.*}}, %{{.*}}]
// CHECK-COUNT-60: vector.fma
// CHECK-NOT:   vector.fma
// CHECK:       affine.yield
module {
  memref.global "private" constant @w5 : memref<8x2x5x5xf32> = dense<1.0>
  func.func @window_rows(%in: memref<1x2x6x44xf32>, %out: memref<1x8x3x40xf32>) {
    %w = memref.get_global @w5 : memref<8x2x5x5xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x40xf32>)
    %pad = memref.alloc() : memref<1x2x7x44xf32>
    linalg.fill ins(%zero : f32) outs(%pad : memref<1x2x7x44xf32>)
    %interior = memref.subview %pad[0, 0, 1, 0] [1, 2, 6, 44] [1, 1, 1, 1] : memref<1x2x7x44xf32> to memref<1x2x6x44xf32, strided<[616, 308, 44, 1], offset: 44>>
    memref.copy %in, %interior : memref<1x2x6x44xf32> to memref<1x2x6x44xf32, strided<[616, 308, 44, 1], offset: 44>>
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%pad, %w : memref<1x2x7x44xf32>, memref<8x2x5x5xf32>) outs(%out : memref<1x8x3x40xf32>)
    return
  }
}

// -----

// Blocking from the target, on rows of 42 pixels (a multiple of every
// target's block). AVX-512 (32 registers; FMAs read broadcasts from memory):
// 4 channel vectors x 6 pixels, 24 sums carried.
// CHECK-LABEL: func.func @avx512
// CHECK:       %{{.*}}:24 = affine.for %{{.*}} = 0 to 9 iter_args
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  memref.global "private" constant @w : memref<64x9x3x3xf32> = dense<1.0>
  func.func @avx512(%in: memref<1x9x4x44xf32>, %out: memref<1x64x2x42xf32>) {
    %w = memref.get_global @w : memref<64x9x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x64x2x42xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x9x4x44xf32>, memref<64x9x3x3xf32>) outs(%out : memref<1x64x2x42xf32>)
    return
  }
}

// -----

// At stride 2, AVX-512 blocks are 4 x 5: broadcasts that LLVM shares
// between taps need registers too.
// CHECK-LABEL: func.func @avx512_strided
// CHECK:       %{{.*}}:20 = affine.for %{{.*}} = 0 to 9 iter_args
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  memref.global "private" constant @w : memref<64x9x3x3xf32> = dense<1.0>
  func.func @avx512_strided(%in: memref<1x9x5x81xf32>, %out: memref<1x64x2x40xf32>) {
    %w = memref.get_global @w : memref<64x9x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x64x2x40xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %w : memref<1x9x5x81xf32>, memref<64x9x3x3xf32>) outs(%out : memref<1x64x2x40xf32>)
    return
  }
}

// -----

// AArch64 (32 registers, but each pixel's input in one for NEON's
// by-element FMAs): 2 x 7, 14 sums.
// CHECK-LABEL: func.func @neon
// CHECK:       %{{.*}}:14 = affine.for %{{.*}} = 0 to 9 iter_args
module attributes {ghost.target = {cpu = "cortex-a76", fma = true, triple = "aarch64-unknown-linux-gnu", vector_bits = 128 : i64, vector_registers = 32 : i64}} {
  memref.global "private" constant @w : memref<64x9x3x3xf32> = dense<1.0>
  func.func @neon(%in: memref<1x9x4x44xf32>, %out: memref<1x64x2x42xf32>) {
    %w = memref.get_global @w : memref<64x9x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x64x2x42xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x9x4x44xf32>, memref<64x9x3x3xf32>) outs(%out : memref<1x64x2x42xf32>)
    return
  }
}

// -----

// 16 registers (AVX2, SSE): 2 x 5, 10 sums.
// CHECK-LABEL: func.func @avx2
// CHECK:       %{{.*}}:10 = affine.for %{{.*}} = 0 to 9 iter_args
module attributes {ghost.target = {cpu = "haswell", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 256 : i64, vector_registers = 16 : i64}} {
  memref.global "private" constant @w : memref<64x9x3x3xf32> = dense<1.0>
  func.func @avx2(%in: memref<1x9x4x44xf32>, %out: memref<1x64x2x42xf32>) {
    %w = memref.get_global @w : memref<64x9x3x3xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x64x2x42xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x9x4x44xf32>, memref<64x9x3x3xf32>) outs(%out : memref<1x64x2x42xf32>)
    return
  }
}

// -----

// A filter held as a resource blob is packed the same way as @order's.
// CHECK-LABEL: module
// CHECK:       memref.global "private" constant @w_packed : memref<2x1x1x2x4xf32> = dense<{{\[\[\[\[\[}}1.000000e+00, 3.000000e+00, 5.000000e+00, 7.000000e+00], [2.000000e+00, 4.000000e+00, 6.000000e+00, 8.000000e+00]]]], {{\[\[\[\[}}9.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+01, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]]]>
// CHECK-NOT:   memref.global "private" constant @w :
// CHECK-LABEL: func.func @resource
// CHECK:       memref.get_global @w_packed
module {
  memref.global "private" constant @w : memref<5x1x1x2xf32> = dense_resource<w> {alignment = 64 : i64}
  func.func @resource(%in: memref<1x1x1x5xf32>, %out: memref<1x5x1x4xf32>) {
    %w = memref.get_global @w : memref<5x1x1x2xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x5x1x4xf32>)
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x1x1x5xf32>, memref<5x1x1x2xf32>) outs(%out : memref<1x5x1x4xf32>)
    return
  }
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000004000004040000080400000A0400000C0400000E040000000410000104100002041"
    }
  }
#-}
