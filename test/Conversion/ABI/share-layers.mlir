// RUN: ghostc-opt %s --ghost-share-layers | FileCheck %s

// ghost-share-layers: layer functions that differ only in the globals they
// read become one, taking its globals as trailing arguments; each call
// passes its own layer's globals.

// @layer.a and @layer.b are twins (their weights differ by name only); the
// shared function is @layer.a with a trailing weight argument.
// CHECK-LABEL: func.func private @layer.a
// CHECK-SAME: (%[[X:.*]]: memref<4xf32> {llvm.noalias}, %[[W:.*]]: memref<4xf32> {llvm.noalias, llvm.readonly})
// CHECK-NOT:  memref.get_global
// CHECK:      memref.load %[[W]]
// CHECK-NOT:  func.func private @layer.b(
memref.global "private" constant @wa : memref<4xf32> = dense<1.0>
memref.global "private" constant @wb : memref<4xf32> = dense<2.0>
memref.global "private" constant @wc : memref<4xf32> = dense<3.0>
memref.global "private" constant @wd : memref<4xf32> = dense<4.0>
func.func private @layer.a(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @wa : memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %w[%c0] : memref<4xf32>
  memref.store %v, %x[%c0] : memref<4xf32>
  return
}
func.func private @layer.b(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @wb : memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %w[%c0] : memref<4xf32>
  memref.store %v, %x[%c0] : memref<4xf32>
  return
}

// Near misses, kept as they are: another index (a different constant),
// another argument attribute, a global read inside a loop, a function whose
// address is taken, and (below) globals that are not constant.
// CHECK-LABEL: func.func private @layer.other_index
// CHECK:      memref.get_global @wc
func.func private @layer.other_index(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @wc : memref<4xf32>
  %c1 = arith.constant 1 : index
  %v = memref.load %w[%c1] : memref<4xf32>
  memref.store %v, %x[%c1] : memref<4xf32>
  return
}
// CHECK-LABEL: func.func private @layer.aliased
// CHECK:      memref.get_global @wd
func.func private @layer.aliased(%x: memref<4xf32>) {
  %w = memref.get_global @wd : memref<4xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %w[%c0] : memref<4xf32>
  memref.store %v, %x[%c0] : memref<4xf32>
  return
}
// CHECK-LABEL: func.func private @layer.nested1
// CHECK:        memref.get_global @wa
// CHECK-LABEL: func.func private @layer.nested2
// CHECK:        memref.get_global @wb
func.func private @layer.nested1(%x: memref<4xf32> {llvm.noalias}) {
  affine.for %i = 0 to 4 {
    %w = memref.get_global @wa : memref<4xf32>
    %v = affine.load %w[%i] : memref<4xf32>
    affine.store %v, %x[%i] : memref<4xf32>
  }
  return
}
func.func private @layer.nested2(%x: memref<4xf32> {llvm.noalias}) {
  affine.for %i = 0 to 4 {
    %w = memref.get_global @wb : memref<4xf32>
    %v = affine.load %w[%i] : memref<4xf32>
    affine.store %v, %x[%i] : memref<4xf32>
  }
  return
}
// CHECK-LABEL: func.func private @layer.addressed1
// CHECK:      memref.get_global @wc
// CHECK-LABEL: func.func private @layer.addressed2
// CHECK:      memref.get_global @wd
func.func private @layer.addressed1(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @wc : memref<4xf32>
  %c2 = arith.constant 2 : index
  %v = memref.load %w[%c2] : memref<4xf32>
  memref.store %v, %x[%c2] : memref<4xf32>
  return
}
func.func private @layer.addressed2(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @wd : memref<4xf32>
  %c2 = arith.constant 2 : index
  %v = memref.load %w[%c2] : memref<4xf32>
  memref.store %v, %x[%c2] : memref<4xf32>
  return
}

// A global that is not constant cannot become a read-only argument.
// CHECK-LABEL: func.func private @layer.state1
// CHECK:      memref.get_global @state1
// CHECK-LABEL: func.func private @layer.state2
// CHECK:      memref.get_global @state2
memref.global "private" @state1 : memref<4xf32> = dense<0.0>
memref.global "private" @state2 : memref<4xf32> = dense<0.0>
func.func private @layer.state1(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @state1 : memref<4xf32>
  %c3 = arith.constant 3 : index
  %v = memref.load %x[%c3] : memref<4xf32>
  memref.store %v, %w[%c3] : memref<4xf32>
  return
}
func.func private @layer.state2(%x: memref<4xf32> {llvm.noalias}) {
  %w = memref.get_global @state2 : memref<4xf32>
  %c3 = arith.constant 3 : index
  %v = memref.load %x[%c3] : memref<4xf32>
  memref.store %v, %w[%c3] : memref<4xf32>
  return
}

// CHECK-LABEL: func.func @main
// CHECK:      %[[WA:.*]] = memref.get_global @wa : memref<4xf32>
// CHECK-NEXT: call @layer.a(%arg0, %[[WA]])
// CHECK:      %[[WB:.*]] = memref.get_global @wb : memref<4xf32>
// CHECK-NEXT: call @layer.a(%arg0, %[[WB]])
// CHECK:      %[[WA2:.*]] = memref.get_global @wa : memref<4xf32>
// CHECK-NEXT: call @layer.a(%arg0, %[[WA2]])
// CHECK:      call @layer.other_index(%arg0)
// CHECK:      call @layer.aliased(%arg0)
// CHECK:      call @layer.nested1(%arg0)
// CHECK:      call @layer.nested2(%arg0)
// CHECK:      call @layer.addressed1(%arg0)
// CHECK:      call @layer.addressed2(%arg0)
// CHECK:      constant @layer.addressed2
func.func @main(%x: memref<4xf32>) attributes {ghost.workspace_size = 0 : i64} {
  call @layer.a(%x) : (memref<4xf32>) -> ()
  call @layer.b(%x) : (memref<4xf32>) -> ()
  call @layer.a(%x) : (memref<4xf32>) -> ()
  call @layer.other_index(%x) : (memref<4xf32>) -> ()
  call @layer.aliased(%x) : (memref<4xf32>) -> ()
  call @layer.nested1(%x) : (memref<4xf32>) -> ()
  call @layer.nested2(%x) : (memref<4xf32>) -> ()
  call @layer.addressed1(%x) : (memref<4xf32>) -> ()
  call @layer.addressed2(%x) : (memref<4xf32>) -> ()
  call @layer.state1(%x) : (memref<4xf32>) -> ()
  call @layer.state2(%x) : (memref<4xf32>) -> ()
  %f = func.constant @layer.addressed2 : (memref<4xf32>) -> ()
  return
}
