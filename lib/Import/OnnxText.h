//===- OnnxText.h - ONNX text syntax, with its exceptions caught -*- C++ -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_LIB_IMPORT_ONNXTEXT_H
#define GHOSTC_LIB_IMPORT_ONNXTEXT_H

#include "onnx/onnx_pb.h"

#include <optional>
#include <string>

namespace ghostc {

/// Parses ONNX text syntax into `model`; returns the error message when the
/// text is not valid, whatever way the parser fails (a Status or an
/// exception).
std::optional<std::string> parseOnnxText(const std::string &text,
                                         onnx::ModelProto &model);

} // namespace ghostc

#endif // GHOSTC_LIB_IMPORT_ONNXTEXT_H
