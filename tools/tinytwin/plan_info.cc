#include "tools/tinytwin/plan_info.h"

#include "tools/compiler/tflite_model.h"

namespace tt::tools {

namespace plan = kernels::plan;

std::vector<int32_t> tensor_shape(const plan::PlanTensor& t) {
  return std::vector<int32_t>(t.dims, t.dims + t.rank);
}

std::string shape_string(const std::vector<int32_t>& shape) {
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? "x" : "") + std::to_string(shape[i]);
  return s.empty() ? "scalar" : s;
}

std::vector<LayerInfo> describe_layers(const plan::LoadedPlan& p) {
  std::vector<LayerInfo> layers;
  for (int32_t i = 0; i < p.op_count(); ++i) {
    const plan::PlanOp& op = p.ops[i];
    LayerInfo l;
    l.index = i;
    l.op = op.source_builtin >= 0 ? compiler::builtin_op_name(op.source_builtin)
                                  : plan::op_kind_name(op.kind);
    l.source_index = op.source_index;
    const int32_t* operands = p.operands(op);
    for (int32_t k = 0; k < op.input_count; ++k) {
      if (operands[k] < 0) continue;
      const plan::PlanTensor& t = p.tensors[operands[k]];
      if (t.storage == plan::Storage::kConst) {
        l.weight_bytes += t.bytes;
      } else {
        l.inputs.push_back(tensor_shape(t));
      }
    }
    l.output = tensor_shape(p.tensors[p.op_output(op)]);
    l.macs = op.macs;
    l.scratch_bytes = op.scratch_bytes;
    layers.push_back(std::move(l));
  }
  return layers;
}

}  // namespace tt::tools
