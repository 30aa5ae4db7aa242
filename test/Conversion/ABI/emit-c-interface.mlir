// RUN: ghostc-opt %s --ghost-emit-c-interface=prefix=net -split-input-file -verify-diagnostics | FileCheck %s
// RUN: ghostc-opt %s --ghost-emit-c-interface=prefix=net -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=STRIPPED
// RUN: ghostc-opt %s --ghost-emit-c-interface -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=DEFAULT

// ghost-emit-c-interface wraps the lowered @main (bare pointers: inputs,
// outputs, workspace) in <prefix>_run and <prefix>_workspace_size. @main
// becomes the internal __<prefix>_main without ghostc's attributes.

// STRIPPED-NOT: ghost.
// STRIPPED-NOT: @main(

// DEFAULT: llvm.func internal @__model_main(
// DEFAULT: llvm.func @model_workspace_size() -> i64
// DEFAULT: llvm.func @model_run(
// DEFAULT: llvm.call @__model_main(

// Two inputs, one output, 384 bytes of workspace: each pointer array is
// checked, then each pointer loaded from it and checked, then the
// workspace; any null pointer branches to the block that returns 1, a
// workspace not 64-byte aligned to one that returns 2.

// CHECK-LABEL: llvm.func @helper()
// CHECK-LABEL: llvm.func internal @__net_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) {{[{]$}}
// CHECK-NEXT: llvm.call @helper() : () -> ()
// CHECK-NEXT: llvm.return

// CHECK-LABEL: llvm.func @net_workspace_size() -> i64 {
// CHECK-NEXT: %[[SIZE:.*]] = llvm.mlir.constant(384 : i64) : i64
// CHECK-NEXT: llvm.return %[[SIZE]] : i64

// CHECK-LABEL: llvm.func @net_run(
// CHECK-SAME: %[[INPUTS:[^:]*]]: !llvm.ptr, %[[OUTPUTS:[^:]*]]: !llvm.ptr, %[[WS:[^:]*]]: !llvm.ptr) -> i32 {
// CHECK-NEXT: %[[NULL0:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS0:.*]] = llvm.icmp "eq" %[[INPUTS]], %[[NULL0]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS0]], ^[[FAIL:bb[0-9]+]], ^[[B1:bb[0-9]+]]
// CHECK-NEXT: ^[[FAIL]]:
// CHECK-NEXT: %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT: llvm.return %[[ONE]] : i32
// CHECK-NEXT: ^[[B1]]:
// CHECK-NEXT: %[[SLOT_X:.*]] = llvm.getelementptr %[[INPUTS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[X:.*]] = llvm.load %[[SLOT_X]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[NULL1:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS1:.*]] = llvm.icmp "eq" %[[X]], %[[NULL1]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS1]], ^[[FAIL]], ^[[B2:bb[0-9]+]]
// CHECK-NEXT: ^[[B2]]:
// CHECK-NEXT: %[[SLOT_S:.*]] = llvm.getelementptr %[[INPUTS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[S:.*]] = llvm.load %[[SLOT_S]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[NULL2:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS2:.*]] = llvm.icmp "eq" %[[S]], %[[NULL2]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS2]], ^[[FAIL]], ^[[B3:bb[0-9]+]]
// CHECK-NEXT: ^[[B3]]:
// CHECK-NEXT: %[[NULL3:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS3:.*]] = llvm.icmp "eq" %[[OUTPUTS]], %[[NULL3]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS3]], ^[[FAIL]], ^[[B4:bb[0-9]+]]
// CHECK-NEXT: ^[[B4]]:
// CHECK-NEXT: %[[SLOT_Y:.*]] = llvm.getelementptr %[[OUTPUTS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK-NEXT: %[[Y:.*]] = llvm.load %[[SLOT_Y]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT: %[[NULL4:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS4:.*]] = llvm.icmp "eq" %[[Y]], %[[NULL4]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS4]], ^[[FAIL]], ^[[B5:bb[0-9]+]]
// CHECK-NEXT: ^[[B5]]:
// CHECK-NEXT: %[[NULL5:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT: %[[IS5:.*]] = llvm.icmp "eq" %[[WS]], %[[NULL5]] : !llvm.ptr
// CHECK-NEXT: llvm.cond_br %[[IS5]], ^[[FAIL]], ^[[B6:bb[0-9]+]]
// CHECK-NEXT: ^[[B6]]:
// CHECK-NEXT: %[[ADDR:.*]] = llvm.ptrtoint %[[WS]] : !llvm.ptr to i64
// CHECK-NEXT: %[[C63:.*]] = llvm.mlir.constant(63 : i64) : i64
// CHECK-NEXT: %[[LOW:.*]] = llvm.and %[[ADDR]], %[[C63]] : i64
// CHECK-NEXT: %[[C0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT: %[[MIS:.*]] = llvm.icmp "ne" %[[LOW]], %[[C0]] : i64
// CHECK-NEXT: llvm.cond_br %[[MIS]], ^[[MISALIGNED:bb[0-9]+]], ^[[CALL:bb[0-9]+]]
// CHECK-NEXT: ^[[MISALIGNED]]:
// CHECK-NEXT: %[[TWO:.*]] = llvm.mlir.constant(2 : i32) : i32
// CHECK-NEXT: llvm.return %[[TWO]] : i32
// CHECK-NEXT: ^[[CALL]]:
// CHECK-NEXT: llvm.call @__net_main(%[[X]], %[[S]], %[[Y]], %[[WS]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: llvm.return %[[ZERO]] : i32
module {
  llvm.func @helper() {
    llvm.return
  }
  llvm.func @main(%x: !llvm.ptr {ghost.onnx_name = "x"}, %s: !llvm.ptr {ghost.onnx_name = "s"}, %y: !llvm.ptr {ghost.onnx_name = "y"}, %ws: !llvm.ptr) attributes {ghost.num_inputs = 2 : i64, ghost.num_outputs = 1 : i64, ghost.workspace_size = 384 : i64} {
    llvm.call @helper() : () -> ()
    llvm.return
  }
}

// -----

// Without a workspace (size 0) the workspace pointer may be null: it is
// passed on unchecked.

// CHECK-LABEL: llvm.func internal @__net_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) {{[{]$}}
// CHECK-LABEL: llvm.func @net_workspace_size() -> i64 {
// CHECK-NEXT: %[[SIZE:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-NEXT: llvm.return %[[SIZE]] : i64
// CHECK-LABEL: llvm.func @net_run(
// CHECK-SAME: %[[INPUTS:[^:]*]]: !llvm.ptr, %[[OUTPUTS:[^:]*]]: !llvm.ptr, %[[WS:[^:]*]]: !llvm.ptr) -> i32 {
// CHECK: llvm.icmp "eq" %[[INPUTS]], %{{.*}} : !llvm.ptr
// CHECK: %[[X:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.icmp "eq" %[[OUTPUTS]], %{{.*}} : !llvm.ptr
// CHECK: %[[Y:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK-NOT: llvm.icmp "eq" %[[WS]]
// CHECK: llvm.call @__net_main(%[[X]], %[[Y]], %[[WS]]) : (!llvm.ptr, !llvm.ptr, !llvm.ptr) -> ()
llvm.func @main(%x: !llvm.ptr, %y: !llvm.ptr, %ws: !llvm.ptr) attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 1 : i64, ghost.workspace_size = 0 : i64} {
  llvm.return
}

// -----

// expected-error @below {{no lowered @main to wrap}}
module {
  llvm.func @not_main(%x: !llvm.ptr) {
    llvm.return
  }
}

// -----

// A func.func @main is not lowered yet.
// expected-error @below {{no lowered @main to wrap}}
module {
  func.func @main(%x: memref<4xf32>) {
    return
  }
}

// -----

// expected-error @below {{expects the ghost.num_inputs, ghost.num_outputs and ghost.workspace_size of ghost-plan-memory}}
llvm.func @main(%x: !llvm.ptr, %y: !llvm.ptr, %ws: !llvm.ptr) attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 1 : i64} {
  llvm.return
}

// -----

// expected-error @below {{expects the ghost.num_inputs, ghost.num_outputs and ghost.workspace_size of ghost-plan-memory}}
llvm.func @main(%x: !llvm.ptr, %y: !llvm.ptr, %ws: !llvm.ptr) attributes {ghost.num_outputs = 1 : i64, ghost.workspace_size = 0 : i64} {
  llvm.return
}

// -----

// One input and one output need three arguments with the workspace.
// expected-error @below {{expects the ghost.num_inputs, ghost.num_outputs and ghost.workspace_size of ghost-plan-memory}}
llvm.func @main(%x: !llvm.ptr, %y: !llvm.ptr) attributes {ghost.num_inputs = 1 : i64, ghost.num_outputs = 1 : i64, ghost.workspace_size = 0 : i64} {
  llvm.return
}
