// RUN: ghostc-opt %s --ghost-outline-layers -split-input-file | FileCheck %s

// Two layers, named by their locations. Each becomes a private, internal,
// noinline function over the buffers it uses: the model's arguments it
// touches and the workspace views, which the model function builds and
// passes. Views of disjoint bytes are `noalias`; constants (the
// get_global) are cloned into the layer that reads them.

// CHECK-LABEL: func.func private @layer.Conv_0(
// CHECK-SAME: %[[IN:[^:]*]]: memref<4xf32> {llvm.noalias}, %[[A:[^:]*]]: memref<4xf32> {llvm.noalias})
// CHECK-SAME: attributes {llvm.linkage = #llvm.linkage<internal>, passthrough = ["noinline"]}
// CHECK:   %[[W:.*]] = memref.get_global @weights
// CHECK:   affine.for %[[I:.*]] = 0 to 4 {
// CHECK:     affine.load %[[IN]][%[[I]]]
// CHECK:     affine.load %[[W]][%[[I]]]
// CHECK:     affine.store %{{.*}}, %[[A]][%[[I]]]
// CHECK:   affine.for
// CHECK:   return

// CHECK-LABEL: func.func private @layer._blocks.0_Relu(
// CHECK-SAME: %[[A2:[^:]*]]: memref<4xf32> {llvm.noalias}, %[[OUT:[^:]*]]: memref<4xf32> {llvm.noalias})
// CHECK:   affine.load %[[A2]]
// CHECK:   affine.store %{{.*}}, %[[OUT]]

// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]*]]: memref<4xf32> {ghost.onnx_name = "x", llvm.noalias}, %[[Y:[^:]*]]: memref<4xf32> {ghost.onnx_name = "y", llvm.noalias}, %[[WS:[^:]*]]: memref<128xi8> {llvm.noalias})
// CHECK-SAME: ghost.workspace_size = 128
// CHECK:      %[[VA:.*]] = memref.view %[[WS]]
// CHECK:      call @layer.Conv_0(%[[X]], %[[VA]]) : (memref<4xf32>, memref<4xf32>) -> ()
// CHECK-NEXT: call @layer._blocks.0_Relu(%[[VA]], %[[Y]]) : (memref<4xf32>, memref<4xf32>) -> ()
// CHECK-NEXT: return
memref.global "private" constant @weights : memref<4xf32> = dense<2.0>
func.func @main(%x: memref<4xf32> {ghost.onnx_name = "x", llvm.noalias},
                %y: memref<4xf32> {ghost.onnx_name = "y", llvm.noalias},
                %ws: memref<128xi8> {llvm.noalias})
    attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 1 : i64,
                ghost.workspace_size = 128 : i64} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %a = memref.view %ws[%c0][] : memref<128xi8> to memref<4xf32>
  %w = memref.get_global @weights : memref<4xf32>
  affine.for %i = 0 to 4 {
    %v = affine.load %x[%i] : memref<4xf32>
    %s = affine.load %w[%i] : memref<4xf32>
    %p = arith.mulf %v, %s : f32
    affine.store %p, %a[%i] : memref<4xf32>
  } loc("Conv_0")
  affine.for %i = 0 to 4 {
    %v = affine.load %a[%i] : memref<4xf32>
    %p = arith.addf %v, %v : f32
    affine.store %p, %a[%i] : memref<4xf32>
  } loc("Conv_0")
  affine.for %i = 0 to 4 {
    %v = affine.load %a[%i] : memref<4xf32>
    %r = arith.maximumf %v, %zero : f32
    affine.store %r, %y[%i] : memref<4xf32>
  } loc("/blocks.0/Relu")
  return
}

// -----

// Two views of overlapping bytes used by one layer may alias: neither is
// `noalias`. The third view shares no byte with them and is. The same node
// name twice, apart, gives two functions with distinct names.

// CHECK-LABEL: func.func private @layer.Add(
// CHECK-SAME: %{{[^:]*}}: memref<8xf32>, %{{[^:]*}}: memref<8xf32>, %{{[^:]*}}: memref<4xf32> {llvm.noalias})
// CHECK-LABEL: func.func private @layer.Mul(
// CHECK-LABEL: func.func private @layer.Add.1(
// CHECK-LABEL: func.func @main(
// CHECK-COUNT-3: call @layer.
func.func @main(%ws: memref<256xi8>) attributes {ghost.workspace_size = 256 : i64} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %c128 = arith.constant 128 : index
  %one = arith.constant 1.0 : f32
  %p = memref.view %ws[%c0][] : memref<256xi8> to memref<8xf32>
  %q = memref.view %ws[%c16][] : memref<256xi8> to memref<8xf32>
  %r = memref.view %ws[%c128][] : memref<256xi8> to memref<4xf32>
  affine.for %i = 0 to 4 {
    %v = affine.load %p[%i] : memref<8xf32>
    affine.store %v, %q[%i] : memref<8xf32>
    affine.store %v, %r[%i] : memref<4xf32>
  } loc("Add")
  affine.for %i = 0 to 4 {
    affine.store %one, %r[%i] : memref<4xf32>
  } loc("Mul")
  affine.for %i = 0 to 4 {
    affine.store %one, %r[%i] : memref<4xf32>
  } loc("Add")
  return
}

// -----

// A loop whose result another layer reads cannot move on its own: the
// function stays whole.

// CHECK-LABEL: func.func @main(
// CHECK-NOT: call
// CHECK: affine.for
// CHECK-NOT: func.func private
func.func @main(%out: memref<f32>) attributes {ghost.workspace_size = 0 : i64} {
  %zero = arith.constant 0.0 : f32
  %sum = affine.for %i = 0 to 4 iter_args(%acc = %zero) -> f32 {
    %next = arith.addf %acc, %acc : f32
    affine.yield %next : f32
  } loc("Sum")
  memref.store %sum, %out[] : memref<f32> loc("Store")
  return
}

// -----

// Functions without a memory plan are left alone.

// CHECK-LABEL: func.func @helper(
// CHECK-NOT: call
func.func @helper(%out: memref<4xf32>) {
  %one = arith.constant 1.0 : f32
  affine.for %i = 0 to 4 {
    affine.store %one, %out[%i] : memref<4xf32>
  } loc("Fill")
  return
}
