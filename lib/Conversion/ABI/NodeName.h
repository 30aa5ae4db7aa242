//===- NodeName.h - the ONNX node a location names ------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_CONVERSION_ABI_NODENAME_H
#define GHOSTC_LIB_CONVERSION_ABI_NODENAME_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

namespace ghostc {

/// The ONNX node that `loc` names (the first name in it), or "".
inline llvm::StringRef nodeName(mlir::Location loc) {
  llvm::StringRef name;
  loc->walk([&](mlir::Location inner) {
    if (auto named = llvm::dyn_cast<mlir::NameLoc>(inner)) {
      name = named.getName().strref();
      return mlir::WalkResult::interrupt();
    }
    return mlir::WalkResult::advance();
  });
  return name;
}

} // namespace ghostc

#endif // GHOSTC_LIB_CONVERSION_ABI_NODENAME_H
