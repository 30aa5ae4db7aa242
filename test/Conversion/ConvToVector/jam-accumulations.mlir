// RUN: ghostc-opt %s --ghost-jam-accumulations=factor=4 -split-input-file | FileCheck %s

// A Gemm on one row with transposed constant weights (loops m, k, n): k is
// unroll-and-jammed by 4, each output is loaded once and stored once per 4
// terms, taken in the original order; the 2 iterations left over run in a
// cleanup loop as before.
memref.global "private" constant @w : memref<10x6xf32> = dense<1.0>
// CHECK-LABEL: func.func @gemv
// CHECK: affine.for %[[M:.*]] = 0 to 1 {
// CHECK-NEXT: affine.for %[[K:.*]] = 0 to 8 step 4 {
// CHECK-NEXT: affine.for %[[N:.*]] = 0 to 6 {
// CHECK-NEXT: %[[X0:.*]] = affine.load %arg1[%[[M]], %[[K]]]
// CHECK-NEXT: %[[W0:.*]] = affine.load %[[G:.*]][%[[K]], %[[N]]]
// CHECK-NEXT: %[[Y:.*]] = affine.load %arg0[%[[M]], %[[N]]]
// CHECK-NEXT: %[[P0:.*]] = arith.mulf %[[X0]], %[[W0]]
// CHECK-NEXT: %[[S0:.*]] = arith.addf %[[Y]], %[[P0]]
// CHECK-NEXT: %[[K1:.*]] = affine.apply #{{.*}}(%[[K]])
// CHECK-NEXT: %[[X1:.*]] = affine.load %arg1[%[[M]], %[[K1]]]
// CHECK-NEXT: %[[W1:.*]] = affine.load %[[G]][%[[K1]], %[[N]]]
// CHECK-NEXT: %[[P1:.*]] = arith.mulf %[[X1]], %[[W1]]
// CHECK-NEXT: %[[S1:.*]] = arith.addf %[[S0]], %[[P1]]
// CHECK-NOT: affine.store
// CHECK: %[[S2:.*]] = arith.addf %[[S1]], %{{.*}} : f32
// CHECK-NOT: affine.store
// CHECK: %[[S3:.*]] = arith.addf %[[S2]], %{{.*}} : f32
// CHECK-NEXT: affine.store %[[S3]], %arg0[%[[M]], %[[N]]]
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: affine.for %{{.*}} = 8 to 10 {
// CHECK-NEXT: affine.for
// CHECK-COUNT-3: affine.load
// CHECK: affine.store
func.func @gemv(%y: memref<1x6xf32> {llvm.noalias}, %x: memref<1x10xf32> {llvm.noalias}) {
  %w = memref.get_global @w : memref<10x6xf32>
  affine.for %m = 0 to 1 {
    affine.for %k = 0 to 10 {
      affine.for %n = 0 to 6 {
        %a = affine.load %x[%m, %k] : memref<1x10xf32>
        %b = affine.load %w[%k, %n] : memref<10x6xf32>
        %c = affine.load %y[%m, %n] : memref<1x6xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        affine.store %s, %y[%m, %n] : memref<1x6xf32>
      }
    }
  }
  return
}

// -----

// An SE's second FC, its output an argument that shares bytes with another
// (no llvm.noalias), through a view: the body reads only a noalias argument
// and a constant global, so it still qualifies.
memref.global "private" constant @w : memref<8x16xf32> = dense<1.0>
// CHECK-LABEL: func.func @excite
// CHECK: affine.for %{{.*}} = 0 to 8 step 4 {
// CHECK-COUNT-1: affine.store
// CHECK-NOT: affine.store
// CHECK: return
func.func @excite(%y: memref<1x16xf32>, %x: memref<1x8xf32> {llvm.noalias}, %other: memref<1x16xf32>) {
  %w = memref.get_global @w : memref<8x16xf32>
  %yc = memref.collapse_shape %y [[0, 1]] : memref<1x16xf32> into memref<16xf32>
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 16 {
      %a = affine.load %x[0, %k] : memref<1x8xf32>
      %b = affine.load %w[%k, %n] : memref<8x16xf32>
      %c = affine.load %yc[%n] : memref<16xf32>
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %c, %p : f32
      affine.store %s, %yc[%n] : memref<16xf32>
    }
  }
  return
}

// -----

// Exactly `factor` outer iterations: the jammed inner loop is all that is
// left of the nest.
memref.global "private" constant @w : memref<4x16xf32> = dense<1.0>
// CHECK-LABEL: func.func @one_jam
// CHECK: memref.get_global
// CHECK-NEXT: affine.for %{{.*}} = 0 to 16 {
// CHECK-COUNT-5: affine.load
// CHECK-NOT: affine.load
// CHECK: affine.store
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @one_jam(%y: memref<16xf32> {llvm.noalias}) {
  %w = memref.get_global @w : memref<4x16xf32>
  affine.for %k = 0 to 4 {
    affine.for %n = 0 to 16 {
      %b = affine.load %w[%k, %n] : memref<4x16xf32>
      %c = affine.load %y[%n] : memref<16xf32>
      %s = arith.addf %c, %b : f32
      affine.store %s, %y[%n] : memref<16xf32>
    }
  }
  return
}

// -----

// Near misses, left alone.
memref.global "private" constant @w : memref<8x16xf32> = dense<1.0>
memref.global "private" @mutable : memref<8x16xf32> = dense<1.0>
func.func private @effect()
// CHECK-LABEL: func.func @near_misses
// CHECK-NOT: step
// CHECK: return
func.func @near_misses(%y: memref<16xf32> {llvm.noalias}, %x: memref<8xf32> {llvm.noalias},
                       %plane: memref<8x16xf32> {llvm.noalias}, %sum: memref<8xf32> {llvm.noalias},
                       %maybe: memref<16xf32>, %maybe_x: memref<8xf32>) {
  %w = memref.get_global @w : memref<8x16xf32>
  %mutable = memref.get_global @mutable : memref<8x16xf32>
  // A spatial mean: the accumulator follows the outer loop (one per outer
  // iteration), so the inner loop is a reduction.
  affine.for %c = 0 to 8 {
    affine.for %i = 0 to 16 {
      %a = affine.load %plane[%c, %i] : memref<8x16xf32>
      %s0 = affine.load %sum[%c] : memref<8xf32>
      %s = arith.addf %s0, %a : f32
      affine.store %s, %sum[%c] : memref<8xf32>
    }
  }
  // One scalar accumulator for all of the inner loop: jamming would reorder
  // its terms.
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 16 {
      %b = affine.load %w[%k, %n] : memref<8x16xf32>
      %c0 = affine.load %y[0] : memref<16xf32>
      %s = arith.addf %c0, %b : f32
      affine.store %s, %y[0] : memref<16xf32>
    }
  }
  // The output may overlap what the body reads (neither is noalias).
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 16 {
      %a = affine.load %maybe_x[%k] : memref<8xf32>
      %c0 = affine.load %maybe[%n] : memref<16xf32>
      %s = arith.addf %c0, %a : f32
      affine.store %s, %maybe[%n] : memref<16xf32>
    }
  }
  // A global that may be written is not known apart from an argument.
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 16 {
      %b = affine.load %mutable[%k, %n] : memref<8x16xf32>
      %c0 = affine.load %maybe[%n] : memref<16xf32>
      %s = arith.addf %c0, %b : f32
      affine.store %s, %maybe[%n] : memref<16xf32>
    }
  }
  // The output is also read at another element.
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 15 {
      %b = affine.load %y[%n + 1] : memref<16xf32>
      %c0 = affine.load %y[%n] : memref<16xf32>
      %s = arith.addf %c0, %b : f32
      affine.store %s, %y[%n] : memref<16xf32>
    }
  }
  // A call in the inner body.
  affine.for %k = 0 to 8 {
    affine.for %n = 0 to 16 {
      func.call @effect() : () -> ()
      %b = affine.load %w[%k, %n] : memref<8x16xf32>
      %c0 = affine.load %y[%n] : memref<16xf32>
      %s = arith.addf %c0, %b : f32
      affine.store %s, %y[%n] : memref<16xf32>
    }
  }
  // More than the inner loop in the outer body.
  affine.for %k = 0 to 8 {
    %a = affine.load %x[%k] : memref<8xf32>
    affine.for %n = 0 to 16 {
      %c0 = affine.load %y[%n] : memref<16xf32>
      %s = arith.addf %c0, %a : f32
      affine.store %s, %y[%n] : memref<16xf32>
    }
  }
  // Fewer outer iterations than the factor.
  affine.for %k = 0 to 3 {
    affine.for %n = 0 to 16 {
      %b = affine.load %w[%k, %n] : memref<8x16xf32>
      %c0 = affine.load %y[%n] : memref<16xf32>
      %s = arith.addf %c0, %b : f32
      affine.store %s, %y[%n] : memref<16xf32>
    }
  }
  return
}
