//===- Buffers.h - what the kernel passes ask of buffers --------*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_CONVERSION_CONVTOVECTOR_BUFFERS_H
#define GHOSTC_LIB_CONVERSION_CONVTOVECTOR_BUFFERS_H

#include "mlir/IR/Value.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace ghostc {

/// The buffer `view` is a view of, through any chain of view-like ops.
inline mlir::Value rootBuffer(mlir::Value view) {
  while (auto viewOp = view.getDefiningOp<mlir::ViewLikeOpInterface>())
    view = viewOp.getViewSource();
  return view;
}

} // namespace ghostc

#endif // GHOSTC_LIB_CONVERSION_CONVTOVECTOR_BUFFERS_H
