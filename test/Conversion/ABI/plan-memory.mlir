// RUN: ghostc-opt %s --ghost-plan-memory -split-input-file -verify-diagnostics | FileCheck %s

// ghost-plan-memory turns a bufferized function into the generated ABI:
// results become trailing output arguments, and every other buffer a
// memref.view at a 64-byte aligned offset of one trailing memref<Nxi8>
// workspace, packed first-fit (largest first) by live range.

// Three buffers, sizes 240, 100 and 200 bytes:
//   %a (240 B) is live from its alloc to the load of %va;
//   %b (100 B) is live across the end of %a and the whole of %c;
//   %c (200 B) is born after the last use of %a.
// %a goes to 0, %c reuses offset 0 (it never overlaps %a), and %b, live with
// both, goes past %a's 240 bytes to the next 64-byte boundary, 256:
// 256 + 100 = 356 bytes, rounded up to 384. The returned %y becomes the
// output argument itself: no view and no copy.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: memref<4xf32> {ghost.onnx_name = "x", llvm.noalias}, %[[Y:.*]]: memref<4xf32> {ghost.onnx_name = "y", llvm.noalias}, %[[WS:.*]]: memref<384xi8> {llvm.noalias}) attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 1 : i64, ghost.workspace_size = 384 : i64}
// CHECK-NOT: memref.alloc
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[OFF_A:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %[[WS]][%[[OFF_A]]][] : memref<384xi8> to memref<60xf32>
// CHECK-NEXT: linalg.fill ins(%[[ONE]] : f32) outs(%[[A]] : memref<60xf32>)
// CHECK-NEXT: %[[OFF_B:.*]] = arith.constant 256 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %[[WS]][%[[OFF_B]]][] : memref<384xi8> to memref<25xf32>
// CHECK-NEXT: linalg.fill ins(%[[ONE]] : f32) outs(%[[B]] : memref<25xf32>)
// CHECK-NEXT: %[[VA:.*]] = memref.load %[[A]]
// CHECK-NEXT: %[[OFF_C:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C:.*]] = memref.view %[[WS]][%[[OFF_C]]][] : memref<384xi8> to memref<50xf32>
// CHECK-NEXT: memref.store %[[VA]], %[[C]]
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[Y]] : memref<4xf32>)
// CHECK-NEXT: return{{$}}
func.func @main(%x: memref<4xf32> {ghost.onnx_name = "x"}) -> (memref<4xf32> {ghost.onnx_name = "y"}) {
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.0 : f32
  %a = memref.alloc() : memref<60xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<60xf32>)
  %b = memref.alloc() : memref<25xf32>
  linalg.fill ins(%cst : f32) outs(%b : memref<25xf32>)
  %va = memref.load %a[%c0] : memref<60xf32>
  %c = memref.alloc() : memref<50xf32>
  memref.store %va, %c[%c0] : memref<50xf32>
  %vb = memref.load %b[%c0] : memref<25xf32>
  %vc = memref.load %c[%c0] : memref<50xf32>
  %s = arith.addf %vb, %vc : f32
  %y = memref.alloc() : memref<4xf32>
  linalg.fill ins(%s : f32) outs(%y : memref<4xf32>)
  return %y : memref<4xf32>
}

// -----

// A view keeps its source alive: %a's last direct use comes before %b is
// born, but its subview is read after that, so %b may not reuse %a's bytes.

// CHECK-LABEL: func.func @view_extends_live_range
// CHECK-SAME: (%{{.*}}: memref<8xf32> {llvm.noalias}, %[[OUT:.*]]: memref<f32> {llvm.noalias}, %[[WS:.*]]: memref<512xi8> {llvm.noalias})
// CHECK-SAME: ghost.workspace_size = 512 : i64
// CHECK-NEXT: %[[OFF_A:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %[[WS]][%[[OFF_A]]][] : memref<512xi8> to memref<2x32xf32>
// CHECK-NEXT: %[[ROW:.*]] = memref.subview %[[A]][1, 0] [1, 32] [1, 1]
// CHECK-NEXT: %[[FLAT:.*]] = memref.collapse_shape %[[A]]
// CHECK-NEXT: %[[OFF_B:.*]] = arith.constant 256 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %[[WS]][%[[OFF_B]]][] : memref<512xi8> to memref<64xf32>
// CHECK-NEXT: linalg.copy ins(%[[FLAT]] : memref<64xf32>) outs(%[[B]] : memref<64xf32>)
// CHECK-NEXT: arith.constant 0 : index
// CHECK-NEXT: %[[V:.*]] = memref.load %[[ROW]]
// CHECK-NEXT: memref.store %[[V]], %[[OUT]][]
func.func @view_extends_live_range(%x: memref<8xf32>) -> memref<f32> {
  %a = memref.alloc() : memref<2x32xf32>
  %row = memref.subview %a[1, 0] [1, 32] [1, 1] : memref<2x32xf32> to memref<32xf32, strided<[1], offset: 32>>
  %flat = memref.collapse_shape %a [[0, 1]] : memref<2x32xf32> into memref<64xf32>
  %b = memref.alloc() : memref<64xf32>
  memref.copy %flat, %b : memref<64xf32> to memref<64xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %row[%c0] : memref<32xf32, strided<[1], offset: 32>>
  %y = memref.alloc() : memref<f32>
  memref.store %v, %y[] : memref<f32>
  return %y : memref<f32>
}

// -----

// A returned argument and a buffer returned twice are copied into their
// output arguments; memref.copy becomes linalg.copy. The buffer returned
// twice stays in the workspace (16 bytes, rounded up to 64). Each output
// argument takes its result's attributes; the workspace has none.

// CHECK-LABEL: func.func @copies
// CHECK-SAME: (%[[X:.*]]: memref<4xf32> {ghost.onnx_name = "x", llvm.noalias}, %[[O0:.*]]: memref<4xf32> {ghost.onnx_name = "same", llvm.noalias}, %[[O1:.*]]: memref<4xf32> {ghost.onnx_name = "twice_a", llvm.noalias}, %[[O2:.*]]: memref<4xf32> {ghost.onnx_name = "twice_b", llvm.noalias}, %[[WS:.*]]: memref<64xi8> {llvm.noalias}) attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 3 : i64, ghost.workspace_size = 64 : i64}
// CHECK: %[[A:.*]] = memref.view %[[WS]][%{{.*}}][] : memref<64xi8> to memref<4xf32>
// CHECK-NEXT: linalg.copy ins(%[[X]] : memref<4xf32>) outs(%[[A]] : memref<4xf32>)
// CHECK-NEXT: linalg.copy ins(%[[X]] : memref<4xf32>) outs(%[[O0]] : memref<4xf32>)
// CHECK-NEXT: linalg.copy ins(%[[A]] : memref<4xf32>) outs(%[[O1]] : memref<4xf32>)
// CHECK-NEXT: linalg.copy ins(%[[A]] : memref<4xf32>) outs(%[[O2]] : memref<4xf32>)
// CHECK-NEXT: return{{$}}
// CHECK-NOT: memref.copy
func.func @copies(%x: memref<4xf32> {ghost.onnx_name = "x"}) -> (memref<4xf32> {ghost.onnx_name = "same"}, memref<4xf32> {ghost.onnx_name = "twice_a"}, memref<4xf32> {ghost.onnx_name = "twice_b"}) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  return %x, %a, %a : memref<4xf32>, memref<4xf32>, memref<4xf32>
}

// -----

// No buffer at all: an empty workspace. Two inputs, one output.

// CHECK-LABEL: func.func @no_buffers
// CHECK-SAME: (%[[X:.*]]: memref<4xf32> {llvm.noalias}, %{{.*}}: memref<2xf32> {llvm.noalias}, %[[OUT:.*]]: memref<4xf32> {llvm.noalias}, %{{.*}}: memref<0xi8> {llvm.noalias}) attributes {ghost.num_inputs = 2 : i64, ghost.num_outputs = 1 : i64, ghost.workspace_size = 0 : i64}
// CHECK-NEXT: linalg.copy ins(%[[X]] : memref<4xf32>) outs(%[[OUT]] : memref<4xf32>)
// CHECK-NEXT: return{{$}}
func.func @no_buffers(%x: memref<4xf32>, %unused: memref<2xf32>) -> memref<4xf32> {
  return %x : memref<4xf32>
}

// -----

// Every function with a body is planned; declarations are left alone. A
// dealloc left by bufferization is dropped.

// CHECK-LABEL: func.func private @external(memref<4xf32>) -> memref<4xf32>{{$}}
// CHECK-LABEL: func.func @with_dealloc
// CHECK-SAME: (%[[X:.*]]: memref<4xf32> {llvm.noalias}, %[[OUT:.*]]: memref<4xf32> {llvm.noalias}, %[[WS:.*]]: memref<64xi8> {llvm.noalias})
// CHECK: %[[A:.*]] = memref.view %[[WS]]
// CHECK-NEXT: linalg.copy ins(%[[X]] : memref<4xf32>) outs(%[[A]] : memref<4xf32>)
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func private @external(memref<4xf32>) -> memref<4xf32>
func.func @with_dealloc(%x: memref<4xf32>) -> memref<4xf32> {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %x, %a : memref<4xf32> to memref<4xf32>
  memref.dealloc %a : memref<4xf32>
  return %x : memref<4xf32>
}

// -----

func.func @dynamic_size(%n: index) -> memref<4xf32> {
  // expected-error @below {{cannot be placed in the static workspace}}
  %a = memref.alloc(%n) : memref<?xf32>
  %y = memref.alloc() : memref<4xf32>
  return %y : memref<4xf32>
}

// -----

func.func @alloc_in_region(%x: memref<4xf32>) -> memref<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    // expected-error @below {{cannot be placed in the static workspace}}
    %t = memref.alloc() : memref<4xf32>
    memref.copy %x, %t : memref<4xf32> to memref<4xf32>
  }
  %y = memref.alloc() : memref<4xf32>
  return %y : memref<4xf32>
}

// -----

// expected-error @below {{result 0 is not an identity-layout memref}}
func.func @strided_result(%x: memref<8xf32>) -> memref<4xf32, strided<[2]>> {
  %s = memref.subview %x[0] [4] [2] : memref<8xf32> to memref<4xf32, strided<[2]>>
  return %s : memref<4xf32, strided<[2]>>
}

// -----

// expected-error @below {{expects a single-block function}}
func.func @two_blocks(%x: memref<4xf32>, %c: i1) -> memref<4xf32> {
  cf.cond_br %c, ^a, ^b
^a:
  return %x : memref<4xf32>
^b:
  return %x : memref<4xf32>
}
