#include "gui/model_description.h"

#include <QFileInfo>
#include <QTextStream>

#include "tools/tinytwin/model_source.h"

namespace tt::gui {
namespace plan = kernels::plan;
namespace {

QString tensor_shape_text(const plan::LoadedPlan& p, int32_t tensor) {
  return QString::fromStdString(tools::shape_string(tools::tensor_shape(p.tensors[tensor])));
}

// The same table `tinytwin info` prints, so the GUI and the CLI describe a model alike.
QString info_table(const ModelDescription& d, const tools::ModelSource& s) {
  QString text;
  QTextStream out(&text);
  out << d.path << "\n";
  out << QString::asprintf("%5s  %-18s %-22s %-14s %12s %10s %8s\n", "layer", "op", "input",
                           "output", "MACs", "weights", "scratch");
  for (const tools::LayerInfo& l : d.layers) {
    std::string inputs;
    for (const auto& shape : l.inputs) {
      inputs += (inputs.empty() ? "" : ",") + tools::shape_string(shape);
    }
    out << QString::asprintf("%5d  %-18s %-22s %-14s %12lld %10lld %8lld\n", l.index, l.op.c_str(),
                             inputs.c_str(), tools::shape_string(l.output).c_str(),
                             static_cast<long long>(l.macs), static_cast<long long>(l.weight_bytes),
                             static_cast<long long>(l.scratch_bytes));
  }
  out << QString::asprintf("total: %zu layers, %lld MACs, %lld weight bytes\n", d.layers.size(),
                           static_cast<long long>(d.total_macs),
                           static_cast<long long>(d.weight_bytes));
  out << QString::asprintf("input %s, output %s\n", qPrintable(d.input_shape),
                           qPrintable(d.output_shape));
  out << QString::asprintf("arena: %u bytes (activations + scratch)\n", d.arena_bytes);
  if (s.memory) {
    const compiler::MemoryReport& m = *s.memory;
    out << QString::asprintf(
        "  peak-live lower bound %lld bytes (activations alone %lld); arena is %.1f %% above it\n",
        static_cast<long long>(m.peak_live_bound), static_cast<long long>(m.activation_bound),
        m.peak_live_bound > 0 ? 100.0 * static_cast<double>(m.arena_bytes - m.peak_live_bound) /
                                    static_cast<double>(m.peak_live_bound)
                              : 0.0);
    out << QString::asprintf(
        "  largest per-op scratch %lld bytes; %d reshapes elided, %d ops "
        "in place\n",
        static_cast<long long>(m.scratch_peak), m.aliases, m.in_place_ops);
    for (const compiler::Placement& p : m.strategies) {
      out << QString::asprintf("  %-30s %8lld bytes\n", p.strategy.c_str(),
                               static_cast<long long>(p.arena_bytes));
    }
  }
  out << QString::asprintf("plan: %u bytes\n", d.plan_bytes);
  return text;
}

}  // namespace

ModelDescriptionPtr describe_model(const tools::ModelSource& s) {
  auto d = std::make_shared<ModelDescription>();
  d->path = QString::fromStdString(s.path);
  d->name = QFileInfo(d->path).completeBaseName();
  d->from_tflite = s.from_tflite;
  d->layers = tools::describe_layers(s.plan);
  for (const tools::LayerInfo& l : d->layers) {
    d->total_macs += l.macs;
    d->weight_bytes += l.weight_bytes;
  }
  d->plan_bytes = s.plan_bytes;
  d->arena_bytes = s.plan.header->arena_bytes;
  if (s.memory) d->peak_live_bound = s.memory->peak_live_bound;
  if (s.plan.input_count() > 0) {
    const int32_t t = s.plan.input_tensor(0);
    d->input_shape = tensor_shape_text(s.plan, t);
    d->input_elements = plan::element_count(s.plan.tensors[t]);
  }
  if (s.plan.output_count() > 0) {
    const int32_t t = s.plan.output_tensor(0);
    d->output_shape = tensor_shape_text(s.plan, t);
    d->output_elements = plan::element_count(s.plan.tensors[t]);
  }
  d->arena_blocks = arena_blocks(s.plan);
  d->info_text = info_table(*d, s);
  return d;
}

}  // namespace tt::gui
