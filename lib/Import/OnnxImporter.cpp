//===- OnnxImporter.cpp - ONNX models into the ghost dialect --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Reading the file, decoding tensors, binding the graph inputs and walking the
// nodes in dependency order. Operator semantics are in the converters
// (Converters.h) and the operator table (Operators.cpp).
//
//===----------------------------------------------------------------------===//

#include "Importer.h"
#include "OnnxText.h"

#include "ghostc/Support/Weights.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <cstring>
#include <deque>

using namespace mlir;
using namespace ghostc::import;
using llvm::SmallVector;
using llvm::StringRef;
using llvm::Twine;

//===----------------------------------------------------------------------===//
// Importer basics
//===----------------------------------------------------------------------===//

Importer::Importer(MLIRContext &context, StringRef path,
                   const ImportOptions &options)
    : builder(&context), path(path.str()), options(options),
      currentLoc(FileLineColLoc::get(&context, path, 0, 0)) {}

LogicalResult Importer::fail(const Twine &message) {
  return emitError(currentLoc, message);
}

LogicalResult Importer::failModel(const Twine &message) {
  return emitError(FileLineColLoc::get(getContext(), path, 0, 0), message);
}

int Importer::numInputs(const onnx::NodeProto &node) {
  int count = node.input_size();
  while (count > 0 && node.input(count - 1).empty())
    --count;
  return count;
}

bool Importer::hasInput(const onnx::NodeProto &node, int index) {
  return index >= 0 && index < node.input_size() && !node.input(index).empty();
}

std::string Importer::describe(const onnx::NodeProto &node,
                               int position) const {
  std::string text = "node ";
  if (!node.name().empty())
    text += "'" + node.name() + "'";
  else
    text += "#" + std::to_string(position);
  text += " (" + node.op_type();
  if (node.name().empty() && node.output_size() > 0)
    text += ", output '" + node.output(0) + "'";
  return text + ")";
}

Location Importer::nodeLocation(const onnx::NodeProto &node, int position) {
  std::string name = node.name().empty()
                         ? node.op_type() + "#" + std::to_string(position)
                         : node.name();
  return NameLoc::get(builder.getStringAttr(name),
                      FileLineColLoc::get(getContext(), path, 0, 0));
}

const KnownTensor *Importer::known(const onnx::NodeProto &node, int index) {
  if (!hasInput(node, index))
    return nullptr;
  auto it = values.find(node.input(index));
  if (it == values.end())
    return nullptr;
  return std::get_if<KnownTensor>(&it->second);
}

FailureOr<Value> Importer::value(const onnx::NodeProto &node, int index) {
  if (!hasInput(node, index))
    return fail("input " + Twine(index) + " is required");
  return valueNamed(node.input(index));
}

FailureOr<Value> Importer::valueNamed(StringRef name) {
  OnnxValue &entry = values.find(name)->second;
  if (Value *computed = std::get_if<Value>(&entry))
    return *computed;
  KnownTensor &tensor = std::get<KnownTensor>(entry);
  if (!tensor.isFloat())
    return fail("value '" + name +
                "' is an integer tensor; ghostc computes only float tensors "
                "at run time");
  auto type = RankedTensorType::get(tensor.shape, builder.getF32Type());
  // A weight becomes a blob that takes the decoded values without a copy;
  // the known tensor is replaced by the constant below.
  ElementsAttr attr =
      ghostc::makeF32Elements(type, std::move(tensor.floats), name);
  // Materialise once and remember, so that a weight shared by several nodes
  // stays one constant.
  Value constant = ghost::ConstantOp::create(builder, currentLoc, attr);
  entry = constant;
  return constant;
}

FailureOr<SmallVector<int64_t>>
Importer::shapeOf(const onnx::NodeProto &node, int index) {
  if (!hasInput(node, index))
    return fail("input " + Twine(index) + " is required");
  const OnnxValue &entry = values.find(node.input(index))->second;
  if (const KnownTensor *tensor = std::get_if<KnownTensor>(&entry))
    return tensor->shape;
  return SmallVector<int64_t>(
      cast<RankedTensorType>(std::get<Value>(entry).getType()).getShape());
}

void Importer::define(const onnx::NodeProto &node, int index,
                      OnnxValue value) {
  if (index < node.output_size() && !node.output(index).empty())
    values.insert_or_assign(node.output(index), std::move(value));
}

Value Importer::reshape(Value input, ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, builder.getF32Type());
  if (input.getType() == type)
    return input;
  return ghost::ReshapeOp::create(builder, currentLoc, type, input);
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *Importer::attr(const onnx::NodeProto &node,
                                           StringRef name) {
  for (const onnx::AttributeProto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

FailureOr<int64_t> Importer::intAttr(const onnx::NodeProto &node,
                                     StringRef name, int64_t fallback) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return fallback;
  if (a->type() != onnx::AttributeProto::INT)
    return fail("attribute '" + name + "' must be an integer");
  return a->i();
}

FailureOr<float> Importer::floatAttr(const onnx::NodeProto &node,
                                     StringRef name, float fallback) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return fallback;
  if (a->type() != onnx::AttributeProto::FLOAT)
    return fail("attribute '" + name + "' must be a float");
  return a->f();
}

FailureOr<std::string> Importer::stringAttr(const onnx::NodeProto &node,
                                            StringRef name,
                                            StringRef fallback) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return fallback.str();
  if (a->type() != onnx::AttributeProto::STRING)
    return fail("attribute '" + name + "' must be a string");
  return a->s();
}

FailureOr<std::optional<SmallVector<int64_t>>>
Importer::intsAttr(const onnx::NodeProto &node, StringRef name) {
  const onnx::AttributeProto *a = attr(node, name);
  if (!a)
    return std::optional<SmallVector<int64_t>>();
  if (a->type() != onnx::AttributeProto::INTS)
    return fail("attribute '" + name + "' must be a list of integers");
  return std::optional<SmallVector<int64_t>>(
      SmallVector<int64_t>(a->ints().begin(), a->ints().end()));
}

//===----------------------------------------------------------------------===//
// Tensor data
//===----------------------------------------------------------------------===//

namespace {

/// Element size in bytes of an ONNX data type ghostc can hold, or 0.
size_t elementSize(int dataType) {
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::UINT32:
    return 4;
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT64:
    return 8;
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::UINT16:
    return 2;
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::BOOL:
    return 1;
  default:
    return 0;
  }
}

bool isFloatType(int dataType) {
  return dataType == onnx::TensorProto::FLOAT ||
         dataType == onnx::TensorProto::DOUBLE ||
         dataType == onnx::TensorProto::FLOAT16 ||
         dataType == onnx::TensorProto::BFLOAT16;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = (h & 0x8000u) << 16, exponent = (h >> 10) & 0x1f,
           mantissa = h & 0x3ff;
  uint32_t bits;
  if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else { // Subnormal: renormalise.
      int shift = 0;
      while (!(mantissa & 0x400)) {
        mantissa <<= 1;
        ++shift;
      }
      bits = sign | uint32_t(127 - 15 - shift + 1) << 23 |
             (mantissa & 0x3ff) << 13;
    }
  } else if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | mantissa << 13;
  } else {
    bits = sign | (exponent + 127 - 15) << 23 | mantissa << 13;
  }
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

float bfloatToFloat(uint16_t b) {
  uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// Decodes `count` little-endian elements of `dataType` from `bytes`.
KnownTensor decodeRaw(int dataType, ArrayRef<int64_t> shape, const char *bytes,
                      int64_t count) {
  auto load = [&](auto tag, int64_t i) {
    decltype(tag) v;
    std::memcpy(&v, bytes + i * sizeof v, sizeof v);
    return v;
  };
  if (isFloatType(dataType)) {
    std::vector<float> out(count);
    for (int64_t i = 0; i < count; ++i) {
      switch (dataType) {
      case onnx::TensorProto::FLOAT:
        out[i] = load(float(), i);
        break;
      case onnx::TensorProto::DOUBLE:
        out[i] = static_cast<float>(load(double(), i));
        break;
      case onnx::TensorProto::FLOAT16:
        out[i] = halfToFloat(load(uint16_t(), i));
        break;
      default:
        out[i] = bfloatToFloat(load(uint16_t(), i));
        break;
      }
    }
    return KnownTensor::ofFloats(shape, std::move(out));
  }
  std::vector<int64_t> out(count);
  for (int64_t i = 0; i < count; ++i) {
    switch (dataType) {
    case onnx::TensorProto::INT64:
      out[i] = load(int64_t(), i);
      break;
    case onnx::TensorProto::UINT64:
      out[i] = static_cast<int64_t>(load(uint64_t(), i));
      break;
    case onnx::TensorProto::INT32:
      out[i] = load(int32_t(), i);
      break;
    case onnx::TensorProto::UINT32:
      out[i] = load(uint32_t(), i);
      break;
    case onnx::TensorProto::INT16:
      out[i] = load(int16_t(), i);
      break;
    case onnx::TensorProto::UINT16:
      out[i] = load(uint16_t(), i);
      break;
    case onnx::TensorProto::INT8:
      out[i] = load(int8_t(), i);
      break;
    default: // UINT8, BOOL
      out[i] = load(uint8_t(), i);
      break;
    }
  }
  return KnownTensor::ofInts(shape, std::move(out));
}

} // namespace

llvm::Expected<std::string>
Importer::readExternalData(const onnx::TensorProto &tensor) {
  std::string location;
  int64_t offset = 0, length = -1;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length") {
      char *end = nullptr;
      long long parsed = std::strtoll(entry.value().c_str(), &end, 10);
      if (entry.value().empty() || *end != '\0' || parsed < 0)
        return llvm::createStringError("external data " + entry.key() +
                                       " '" + entry.value() +
                                       "' is not a non-negative integer");
      (entry.key() == "offset" ? offset : length) = parsed;
    }
  }
  if (location.empty())
    return llvm::createStringError("external data has no location");

  // The data must stay inside the model's folder: resolve both through the
  // file system (symbolic links included) and compare.
  StringRef modelDir = llvm::sys::path::parent_path(path);
  SmallVector<char> dirReal, fileReal;
  llvm::SmallString<256> candidate(modelDir.empty() ? "." : modelDir);
  llvm::sys::path::append(candidate, location);
  if (llvm::sys::path::is_absolute(location) ||
      llvm::sys::fs::real_path(modelDir.empty() ? "." : modelDir, dirReal) ||
      llvm::sys::fs::real_path(candidate, fileReal))
    return llvm::createStringError(
        "external data file '" + location +
        "' must be an existing file inside the model's folder");
  StringRef dir(dirReal.data(), dirReal.size());
  StringRef file(fileReal.data(), fileReal.size());
  if (!file.starts_with(dir) || file.size() <= dir.size() ||
      !llvm::sys::path::is_separator(file[dir.size()]))
    return llvm::createStringError("external data location '" + location +
                                   "' leaves the model's folder");

  uint64_t fileSize = 0;
  if (llvm::sys::fs::file_size(file, fileSize))
    return llvm::createStringError("cannot read external data file '" +
                                   location + "'");
  if (length < 0)
    length = static_cast<int64_t>(fileSize) - offset;
  if (offset > static_cast<int64_t>(fileSize) || length < 0 ||
      static_cast<uint64_t>(offset + length) > fileSize)
    return llvm::createStringError(
        "external data range [" + Twine(offset) + ", " +
        Twine(offset + length) + ") lies outside '" + location + "' (" +
        Twine(fileSize) + " bytes)");
  auto buffer = llvm::MemoryBuffer::getFileSlice(file, length, offset);
  if (!buffer)
    return llvm::createStringError("cannot read external data file '" +
                                   location + "'");
  return (*buffer)->getBuffer().str();
}

llvm::Expected<KnownTensor>
Importer::decodeTensor(const onnx::TensorProto &tensor) {
  std::string name = tensor.name().empty() ? "tensor" : "'" + tensor.name() + "'";
  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  int64_t count = checkedNumElements(shape);
  if (count < 0)
    return llvm::createStringError(name + " has invalid or absurd dims");
  if (count > options.maxTensorElements)
    return llvm::createStringError(
        name + " has " + Twine(count) + " elements, more than the limit of " +
        Twine(options.maxTensorElements) + " (--max-tensor-elements)");
  int dataType = tensor.data_type();
  size_t size = elementSize(dataType);
  if (size == 0)
    return llvm::createStringError(
        name + " has data type " +
        onnx::TensorProto::DataType_Name(
            static_cast<onnx::TensorProto::DataType>(dataType)) +
        ", which ghostc does not support");

  auto fromBytes = [&](StringRef bytes,
                       StringRef where) -> llvm::Expected<KnownTensor> {
    if (bytes.size() != static_cast<uint64_t>(count) * size)
      return llvm::createStringError(
          name + " holds " + Twine(bytes.size()) + " bytes of " + where +
          ", but its dims need " + Twine(count * size));
    return decodeRaw(dataType, shape, bytes.data(), count);
  };
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    llvm::Expected<std::string> bytes = readExternalData(tensor);
    if (!bytes)
      return llvm::createStringError(name + ": " +
                                     llvm::toString(bytes.takeError()));
    return fromBytes(*bytes, "external data");
  }
  if (tensor.has_raw_data())
    return fromBytes(tensor.raw_data(), "raw data");

  // Typed fields: the element count must match the dims exactly.
  auto checkCount = [&](int64_t have) -> llvm::Error {
    if (have == count)
      return llvm::Error::success();
    return llvm::createStringError(name + " holds " + Twine(have) +
                                   " values, but its dims need " +
                                   Twine(count));
  };
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    if (llvm::Error e = checkCount(tensor.float_data_size()))
      return std::move(e);
    return KnownTensor::ofFloats(shape, std::vector<float>(
                                            tensor.float_data().begin(),
                                            tensor.float_data().end()));
  case onnx::TensorProto::DOUBLE:
    if (llvm::Error e = checkCount(tensor.double_data_size()))
      return std::move(e);
    return KnownTensor::ofFloats(shape, std::vector<float>(
                                            tensor.double_data().begin(),
                                            tensor.double_data().end()));
  case onnx::TensorProto::INT64:
    if (llvm::Error e = checkCount(tensor.int64_data_size()))
      return std::move(e);
    return KnownTensor::ofInts(shape, std::vector<int64_t>(
                                          tensor.int64_data().begin(),
                                          tensor.int64_data().end()));
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    if (llvm::Error e = checkCount(tensor.uint64_data_size()))
      return std::move(e);
    return KnownTensor::ofInts(shape, std::vector<int64_t>(
                                          tensor.uint64_data().begin(),
                                          tensor.uint64_data().end()));
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16: {
    if (llvm::Error e = checkCount(tensor.int32_data_size()))
      return std::move(e);
    std::vector<float> out;
    for (int32_t bits : tensor.int32_data())
      out.push_back(dataType == onnx::TensorProto::FLOAT16
                        ? halfToFloat(static_cast<uint16_t>(bits))
                        : bfloatToFloat(static_cast<uint16_t>(bits)));
    return KnownTensor::ofFloats(shape, std::move(out));
  }
  default: // INT32, INT16, INT8, UINT16, UINT8, BOOL live in int32_data.
    if (llvm::Error e = checkCount(tensor.int32_data_size()))
      return std::move(e);
    return KnownTensor::ofInts(shape, std::vector<int64_t>(
                                          tensor.int32_data().begin(),
                                          tensor.int32_data().end()));
  }
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

LogicalResult
Importer::bindGraphInputs(const onnx::GraphProto &graph,
                          SmallVectorImpl<Type> &types,
                          SmallVectorImpl<std::string> &names) {
  for (const onnx::ValueInfoProto &input : graph.input()) {
    // Before IR version 4, initializers were listed among the inputs too.
    if (values.count(input.name()))
      continue;
    const std::string &name = input.name();
    if (!input.type().has_tensor_type())
      return failModel("graph input '" + name + "' is not a tensor");
    const onnx::TypeProto::Tensor &tensorType = input.type().tensor_type();
    if (tensorType.elem_type() != onnx::TensorProto::FLOAT)
      return failModel(
          "graph input '" + name + "' has element type " +
          onnx::TensorProto::DataType_Name(
              static_cast<onnx::TensorProto::DataType>(tensorType.elem_type())) +
          "; ghostc compiles float32 inputs only");
    if (!tensorType.has_shape())
      return failModel("graph input '" + name + "' has no shape");
    SmallVector<int64_t> shape;
    for (const auto &[axis, dim] : llvm::enumerate(tensorType.shape().dim())) {
      int64_t size;
      if (dim.has_dim_value()) {
        size = dim.dim_value();
      } else if (dim.has_dim_param() && options.dims.count(dim.dim_param())) {
        size = options.dims.lookup(dim.dim_param());
      } else if (axis == 0) {
        size = options.batch;
      } else if (dim.has_dim_param() && !dim.dim_param().empty()) {
        return failModel("graph input '" + name + "' has symbolic dimension '" +
                         dim.dim_param() + "' on axis " + Twine(axis) +
                         "; bind it with --dim " + dim.dim_param() + "=VALUE");
      } else {
        return failModel("graph input '" + name +
                         "' has a dimension with neither a size nor a name on "
                         "axis " +
                         Twine(axis) +
                         "; only the leading (batch) axis may be unknown");
      }
      if (size <= 0)
        return failModel("graph input '" + name + "' has dimension " +
                         Twine(size) + " on axis " + Twine(axis) +
                         "; dimensions must be positive");
      shape.push_back(size);
    }
    int64_t count = checkedNumElements(shape);
    if (count < 0)
      return failModel("graph input '" + name + "' is absurdly large");
    if (count > options.maxTensorElements)
      return failModel("graph input '" + name + "' has " + Twine(count) +
                       " elements, more than the limit of " +
                       Twine(options.maxTensorElements) +
                       " (--max-tensor-elements)");
    auto type = RankedTensorType::get(shape, builder.getF32Type());
    types.push_back(type);
    names.push_back(name);
  }
  return success();
}

LogicalResult Importer::sortNodes(const onnx::GraphProto &graph,
                                 SmallVectorImpl<int> &order) {
  // Kahn's algorithm over the value names: a node is ready once every input
  // is an initializer, a graph input or an output of a node already placed.
  llvm::StringMap<int> producer;
  for (const auto &[index, node] : llvm::enumerate(graph.node()))
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      if (values.count(output) || !producer.try_emplace(output, index).second)
        return failModel("value '" + output + "' is defined more than once");
    }

  int numNodes = graph.node_size();
  std::vector<int> missing(numNodes, 0);
  std::vector<SmallVector<int>> consumers(numNodes);
  std::deque<int> ready;
  bool dangling = false;
  for (const auto &[index, node] : llvm::enumerate(graph.node())) {
    for (const std::string &input : node.input()) {
      if (input.empty() || values.count(input))
        continue;
      auto it = producer.find(input);
      if (it == producer.end()) {
        currentLoc = nodeLocation(node, index);
        (void)emitError(currentLoc, describe(node, index) + ": input '" +
                                        input +
                                        "' is not produced by any node, "
                                        "initializer or graph input");
        dangling = true;
        continue;
      }
      ++missing[index];
      consumers[it->second].push_back(index);
    }
    if (missing[index] == 0)
      ready.push_back(index);
  }
  if (dangling)
    return failure();
  while (!ready.empty()) {
    int index = ready.front();
    ready.pop_front();
    order.push_back(index);
    for (int consumer : consumers[index])
      if (--missing[consumer] == 0)
        ready.push_back(consumer);
  }
  if (static_cast<int>(order.size()) != numNodes) {
    for (int index = 0; index < numNodes; ++index)
      if (missing[index] > 0)
        return failModel("the graph has a cycle through " +
                         describe(graph.node(index), index));
  }
  return success();
}

LogicalResult Importer::convertNode(const onnx::NodeProto &node) {
  std::optional<OperatorVersion> op =
      lookupOperator(node.op_type(), opsetVersion);
  assert(op && "unsupported nodes are rejected before conversion");
  currentVersion = op->version;
  return op->convert(*this, node);
}

OwningOpRef<ModuleOp> Importer::importModel(onnx::ModelProto &model) {
  // Opsets: the default domain decides the operator versions.
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      opsetVersion = opset.version();
  if (opsetVersion == 0) {
    (void)failModel("the model imports no opset of the default ONNX domain");
    return nullptr;
  }
  if (opsetVersion < 1 || opsetVersion > kMaxOpset) {
    (void)failModel("opset " + Twine(opsetVersion) +
                    " is not supported; ghostc reads opsets 1 to " +
                    Twine(kMaxOpset));
    return nullptr;
  }
  const onnx::GraphProto &graph = model.graph();

  // Every unsupported node at once, so that one run lists them all.
  bool unsupported = false;
  for (const auto &[index, node] : llvm::enumerate(graph.node())) {
    bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
    if (defaultDomain && lookupOperator(node.op_type(), opsetVersion))
      continue;
    std::string op = defaultDomain ? node.op_type()
                                   : node.domain() + "::" + node.op_type();
    // An operator of a later opset than the model's: say which.
    std::string where =
        defaultDomain && lookupOperator(node.op_type(), kMaxOpset)
            ? " at opset " + std::to_string(opsetVersion)
            : "";
    (void)emitError(nodeLocation(node, index),
                    describe(node, index) + ": unsupported operator '" + op +
                        "'" + where);
    unsupported = true;
  }
  if (unsupported)
    return nullptr;

  if (graph.output_size() == 0) {
    (void)failModel("the graph has no outputs");
    return nullptr;
  }
  // The weights' total, from their dims, before any is read or decoded.
  int64_t weightBytes = 0;
  for (const onnx::TensorProto &initializer : graph.initializer()) {
    SmallVector<int64_t> shape(initializer.dims().begin(),
                               initializer.dims().end());
    int64_t count = checkedNumElements(shape);
    int64_t bytes = count < 0 ? 0 : count * int64_t(std::max<size_t>(
                                                elementSize(
                                                    initializer.data_type()),
                                                1));
    weightBytes = std::min<int64_t>(weightBytes + bytes, INT64_MAX / 2);
  }
  if (weightBytes > options.maxWeightBytes) {
    (void)failModel("the initializers hold " + Twine(weightBytes) +
                    " bytes, more than the limit of " +
                    Twine(options.maxWeightBytes) + " (--max-weight-bytes)");
    return nullptr;
  }
  for (onnx::TensorProto &initializer :
       *model.mutable_graph()->mutable_initializer()) {
    if (values.count(initializer.name())) {
      (void)failModel("initializer '" + initializer.name() +
                      "' is defined more than once");
      return nullptr;
    }
    llvm::Expected<KnownTensor> tensor = decodeTensor(initializer);
    if (!tensor) {
      (void)failModel("initializer " + llvm::toString(tensor.takeError()));
      return nullptr;
    }
    values.insert_or_assign(initializer.name(), std::move(*tensor));
    // The decoded values are what the import reads from now on: the
    // protobuf's bytes go (swapped out, as clearing keeps the capacity).
    std::string().swap(*initializer.mutable_raw_data());
    google::protobuf::RepeatedField<float>().Swap(
        initializer.mutable_float_data());
    google::protobuf::RepeatedField<double>().Swap(
        initializer.mutable_double_data());
  }
  if (graph.sparse_initializer_size() > 0) {
    (void)failModel("sparse initializers are not supported");
    return nullptr;
  }

  SmallVector<Type> inputTypes;
  SmallVector<std::string> inputNames;
  if (failed(bindGraphInputs(graph, inputTypes, inputNames)))
    return nullptr;
  Location fileLoc = FileLineColLoc::get(getContext(), path, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main",
                                   builder.getFunctionType(inputTypes, {}));
  Block *body = func.addEntryBlock();
  for (auto [index, name] : llvm::enumerate(inputNames)) {
    values.insert_or_assign(name, body->getArgument(index));
    func.setArgAttr(index, kOnnxNameAttr, builder.getStringAttr(name));
  }
  builder.setInsertionPointToEnd(body);

  SmallVector<int> order;
  if (failed(sortNodes(graph, order)))
    return nullptr;
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &input : node.input())
      used.insert(input);
  for (const onnx::ValueInfoProto &output : graph.output())
    used.insert(output.name());

  // Node diagnostics are collected and re-emitted with the node's name and
  // operator in front, so that every message points into the model.
  for (int position : order) {
    const onnx::NodeProto *node = &graph.node(position);
    currentLoc = nodeLocation(*node, position);
    SmallVector<std::string> messages;
    LogicalResult converted = success();
    {
      ScopedDiagnosticHandler capture(getContext(), [&](Diagnostic &diag) {
        if (diag.getSeverity() != DiagnosticSeverity::Error)
          return failure();
        messages.push_back(diag.str());
        return success();
      });
      converted = convertNode(*node);
      // Shapes follow from attributes (pads, scales, sizes) as well as from
      // the inputs: no result may grow past the largest tensor ghostc takes.
      if (succeeded(converted))
        for (const std::string &output : node->output()) {
          auto it = values.find(output);
          const Value *value =
              it == values.end() ? nullptr : std::get_if<Value>(&it->second);
          int64_t count =
              value ? checkedNumElements(
                          cast<RankedTensorType>(value->getType()).getShape())
                    : 0;
          if (count < 0 || count > options.maxTensorElements) {
            messages.push_back(
                "output '" + output + "' would have " +
                (count < 0 ? std::string("more than 2^30")
                           : std::to_string(count)) +
                " elements, more than the limit of " +
                std::to_string(options.maxTensorElements) +
                " (--max-tensor-elements)");
            converted = failure();
          }
        }
    }
    for (const std::string &message : messages)
      (void)emitError(currentLoc, describe(*node, position) + ": " + message);
    if (failed(converted)) {
      if (messages.empty())
        (void)emitError(currentLoc,
                        describe(*node, position) + ": cannot be imported");
      return nullptr;
    }
  }

  currentLoc = fileLoc;
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    auto it = values.find(output.name());
    if (it == values.end()) {
      (void)failModel("graph output '" + output.name() +
                      "' is not produced by any node");
      return nullptr;
    }
    FailureOr<Value> result = valueNamed(output.name());
    if (failed(result))
      return nullptr;
    results.push_back(*result);
  }
  func::ReturnOp::create(builder, fileLoc, results);
  func.setFunctionType(builder.getFunctionType(
      inputTypes, ValueRange(results).getTypes()));
  for (auto [index, output] : llvm::enumerate(graph.output()))
    func.setResultAttr(index, kOnnxNameAttr,
                       builder.getStringAttr(output.name()));

  if (failed(verify(*module)))
    return nullptr;
  return module;
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

/// Success when the protobuf parsed (`parsed`) into a model with a graph;
/// otherwise reports which it is not.
static LogicalResult checkParsed(Location fileLoc, bool parsed,
                                 const onnx::ModelProto &model) {
  if (!parsed)
    return emitError(fileLoc, "not a valid ONNX model: the protobuf is "
                              "truncated or corrupted");
  if (!model.has_graph())
    return emitError(fileLoc, "not a valid ONNX model: it has no graph");
  return success();
}

/// Parses `bytes` into `model`; false after reporting why not.
static LogicalResult parseModel(MLIRContext &context, StringRef bytes,
                                StringRef path, ghostc::ModelFormat format,
                                onnx::ModelProto &model) {
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  if (format == ghostc::ModelFormat::Text) {
    // OnnxParser reads up to a terminating NUL, which a buffer need not have.
    if (std::optional<std::string> error =
            ghostc::parseOnnxText(bytes.str(), model))
      return emitError(fileLoc, "not valid ONNX text: " + *error);
    return checkParsed(fileLoc, /*parsed=*/true, model);
  }
  return checkParsed(
      fileLoc,
      bytes.size() <= INT32_MAX &&
          model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())),
      model);
}

/// Parses the binary model at `path` into `model`, streaming the file
/// through a small buffer: only the protobuf's copy of the weights is ever
/// resident, where a mapped or read file would double them while parsing.
/// False after reporting why not.
static LogicalResult parseModelFile(MLIRContext &context, StringRef path,
                                    onnx::ModelProto &model) {
  Location fileLoc = FileLineColLoc::get(&context, path, 0, 0);
  auto cannotRead = [&](std::error_code error) {
    return emitError(fileLoc, "cannot read the file: " + error.message());
  };
  int fd;
  if (std::error_code error = llvm::sys::fs::openFileForRead(path, fd))
    return cannotRead(error);
  llvm::scope_exit closeFile(
      [&] { (void)llvm::sys::Process::SafelyCloseFileDescriptor(fd); });
  llvm::sys::fs::file_status status;
  if (std::error_code error = llvm::sys::fs::status(fd, status))
    return cannotRead(error);
  if (llvm::sys::fs::is_directory(status))
    return cannotRead(std::make_error_code(std::errc::is_a_directory));
  if (status.getSize() > INT32_MAX)
    return emitError(fileLoc, "not a valid ONNX model: larger than 2 GiB, "
                              "the protobuf limit (larger weights belong "
                              "in external data files)");
  return checkParsed(fileLoc, model.ParseFromFileDescriptor(fd), model);
}

OwningOpRef<ModuleOp> ghostc::importOnnxFile(MLIRContext &context,
                                             StringRef path,
                                             const ImportOptions &options) {
  if (path.ends_with(".onnxtxt")) {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/true);
    if (!buffer) {
      (void)emitError(FileLineColLoc::get(&context, path, 0, 0),
                      "cannot read the file: " + buffer.getError().message());
      return nullptr;
    }
    return importOnnxBuffer(context, (*buffer)->getBuffer(), path,
                            ModelFormat::Text, options);
  }
  context.loadDialect<ghost::GhostDialect, func::FuncDialect>();
  onnx::ModelProto model;
  if (failed(parseModelFile(context, path, model)))
    return nullptr;
  return Importer(context, path, options).importModel(model);
}

OwningOpRef<ModuleOp> ghostc::importOnnxBuffer(MLIRContext &context,
                                               StringRef bytes, StringRef path,
                                               ModelFormat format,
                                               const ImportOptions &options) {
  context.loadDialect<ghost::GhostDialect, func::FuncDialect>();
  onnx::ModelProto model;
  if (failed(parseModel(context, bytes, path, format, model)))
    return nullptr;
  return Importer(context, path, options).importModel(model);
}
