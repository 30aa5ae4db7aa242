//===- OnnxText.cpp - ONNX text syntax, with its exceptions caught --------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// onnx::OnnxParser reports most errors as a Status, but a malformed number
// (`start = -`) reaches std::stol, which throws std::invalid_argument or
// std::out_of_range through it. ghostc is built without exceptions (as LLVM
// is), so this one file is compiled with them (see CMakeLists.txt) and
// turns every exception into an error message.
//
//===----------------------------------------------------------------------===//

#include "OnnxText.h"

#include "onnx/defs/parser.h"

#include <exception>

std::optional<std::string> ghostc::parseOnnxText(const std::string &text,
                                                 onnx::ModelProto &model) {
  try {
    onnx::Common::Status status = onnx::OnnxParser::Parse(model, text.c_str());
    if (!status.IsOK())
      return status.ErrorMessage();
  } catch (const std::exception &error) {
    return std::string("malformed value (") + error.what() + ")";
  } catch (...) {
    return std::string("the ONNX parser failed");
  }
  return std::nullopt;
}
