// The GUI's building blocks on their own: the model description and tensor-lifetime map of
// the shipped models (checked against the memory plan's rules), the command line, the
// prediction bars, the per-layer table, and the copy of a report that crosses threads.
#include <QTest>
#include <algorithm>

#include "apps/common/labels.h"
#include "gui/gui_options.h"
#include "gui/layer_table.h"
#include "gui/model_set.h"
#include "gui/prediction_bars.h"
#include "gui/tensor_lifetime_map.h"
#include "gui/worker_types.h"

namespace tt::gui {
namespace {

QString shipped(const char* name) {
  return QStringLiteral(TT_SOURCE_DIR "/assets/models/") + QLatin1String(name);
}

bool overlap(uint32_t a, uint32_t a_bytes, uint32_t b, uint32_t b_bytes) {
  return a < b + b_bytes && b < a + a_bytes;
}

}  // namespace

class WidgetsTest : public QObject {
  Q_OBJECT

 private slots:
  void mnist_cnn_is_described_like_tinytwin_info() {
    const LoadedModel m = load_model(shipped("mnist_cnn.tflite"));
    const ModelDescription& d = *m.description;
    QCOMPARE(d.name, QStringLiteral("mnist_cnn"));
    QCOMPARE(static_cast<int>(d.layers.size()), 6);
    QCOMPARE(d.total_macs, int64_t{1031744});  // the model card's figure
    QCOMPARE(d.arena_bytes, 15680u);
    QCOMPARE(d.input_elements, 784);
    QCOMPARE(d.output_elements, 10);
    QVERIFY(d.peak_live_bound > 0 && d.peak_live_bound <= d.arena_bytes);
    QVERIFY(d.info_text.contains(QStringLiteral("CONV_2D")));
    QVERIFY(d.info_text.contains(QStringLiteral("arena: 15680 bytes")));
  }

  void lifetime_map_follows_the_memory_plan_data() {
    QTest::addColumn<QString>("model");
    for (const char* m : {"mnist_mlp.tflite", "mnist_cnn.tflite", "cifar10_cnn.tflite",
                          "kws_dscnn.tflite", "kws_dnn.tflite"}) {
      QTest::newRow(m) << shipped(m);
    }
  }

  // Every block lies inside the arena; two blocks live at the same op never share bytes,
  // except an op writing its output over an input that dies there (in place).
  void lifetime_map_follows_the_memory_plan() {
    QFETCH(QString, model);
    const ModelDescriptionPtr d = load_model(model).description;
    const std::vector<ArenaBlock>& blocks = d->arena_blocks;
    QVERIFY(blocks.size() >= 2);
    QVERIFY(std::any_of(blocks.begin(), blocks.end(),
                        [](const ArenaBlock& b) { return b.kind == ArenaBlock::Kind::kInput; }));
    QVERIFY(std::any_of(blocks.begin(), blocks.end(),
                        [](const ArenaBlock& b) { return b.kind == ArenaBlock::Kind::kOutput; }));
    for (const ArenaBlock& b : blocks) {
      QVERIFY(b.offset + b.bytes <= d->arena_bytes);
      QVERIFY(b.first_op <= b.last_op && b.last_op < static_cast<int>(d->layers.size()));
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
      for (size_t j = i + 1; j < blocks.size(); ++j) {
        const ArenaBlock& a = blocks[i];
        const ArenaBlock& b = blocks[j];
        const bool same_time = a.first_op <= b.last_op && b.first_op <= a.last_op;
        if (!same_time || !overlap(a.offset, a.bytes, b.offset, b.bytes)) continue;
        const bool in_place = a.kind != ArenaBlock::Kind::kScratch &&
                              b.kind != ArenaBlock::Kind::kScratch &&
                              (a.last_op == b.first_op || b.last_op == a.first_op);
        QVERIFY2(in_place, qPrintable(QStringLiteral("%1 and %2 overlap while both are live")
                                          .arg(QString::fromStdString(a.what),
                                               QString::fromStdString(b.what))));
      }
    }
    TensorLifetimeMap map;
    map.resize(500, 300);
    map.set_model(d);
    QCOMPARE(map.block_count(), static_cast<int>(blocks.size()));
    QVERIFY(!map.grab().isNull());
  }

  void a_bad_model_file_is_an_error_not_a_crash() {
    QVERIFY_EXCEPTION_THROWN(load_model(shipped("mnist_cnn.md")), std::exception);
    QVERIFY_EXCEPTION_THROWN(load_model(QStringLiteral("/nonexistent/model.tflite")),
                             std::exception);
  }

  void options_are_parsed() {
    GuiOptions o;
    QString error;
    QVERIFY(parse_gui_options({"tinytwin-gui", "--app", "multinet", "--model", "a.tflite",
                               "--model", "b.ttm", "--audio", "x.wav", "--quit-after-ms", "500"},
                              &o, &error));
    QCOMPARE(o.app, AppKind::kMultinet);
    QCOMPARE(o.models, (QStringList{"a.tflite", "b.ttm"}));
    QCOMPARE(o.audio, QStringLiteral("x.wav"));
    QCOMPARE(o.quit_after_ms, 500);
    QVERIFY(!parse_gui_options({"tinytwin-gui", "--app", "nope"}, &o, &error));
    QVERIFY(error.contains(QStringLiteral("nope")));
    QVERIFY(!parse_gui_options({"tinytwin-gui", "--model", "a", "--model", "b"}, &o, &error));
  }

  void prediction_bars_show_the_top_five_best_first() {
    PredictionBars bars;
    QStringList labels;
    for (const char* l : apps::kCifar10Labels) labels << l;
    bars.set_scores(labels, {0.01f, 0.3f, 0.05f, 0.05f, 0.4f, 0.0f, 0.1f, 0.02f, 0.03f, 0.04f});
    QCOMPARE(bars.top_label(), QStringLiteral("deer"));
    // Equal scores keep class order (bird before cat), as the app's argmax does.
    QCOMPARE(bars.shown_labels(), (QStringList{"deer", "automobile", "frog", "bird", "cat"}));
  }

  void layer_table_shows_times_and_shares() {
    const ModelDescriptionPtr d = load_model(shipped("mnist_mlp.tflite")).description;
    LayerTable table;
    table.set_model(d);
    QCOMPARE(table.rowCount(), static_cast<int>(d->layers.size()));
    QVector<double> seconds(table.rowCount(), 0.0);
    seconds[0] = 3e-6;
    seconds[1] = 1e-6;
    table.set_times(seconds);
    QCOMPARE(table.item(0, LayerTable::kTime)->text(), QStringLiteral("3.0"));
    QCOMPARE(table.item(0, LayerTable::kShare)->text(), QStringLiteral("75.0 %"));
    QCOMPARE(grouped(1031744), QStringLiteral("1,031,744"));
    QCOMPARE(grouped(999), QStringLiteral("999"));
  }

  void a_report_crosses_threads_as_a_copy() {
    apps::InferenceReport report;
    report.app = "mnist_draw";
    report.model = "mnist_cnn";
    report.class_count = 10;
    report.labels = apps::kMnistLabels;
    report.top = 7;
    report.output_scale = 1.0f / 256;
    report.output_zero_point = -128;
    report.scores[7] = 127;
    report.op_count = 2;
    report.op_ticks[0] = 1500;
    const InferenceResult r = make_inference_result(report, 1000000000u, "ns");
    QVERIFY(r.report.app == nullptr && r.report.model == nullptr && r.report.labels == nullptr);
    QCOMPARE(r.model, QStringLiteral("mnist_cnn"));
    QCOMPARE(r.top_label(), QStringLiteral("7"));
    QCOMPARE(r.labels.size(), 10);
    QCOMPARE(r.op_seconds().size(), 2);
    QCOMPARE(r.op_seconds()[0], 1.5e-6);
    QVERIFY(std::abs(r.probabilities()[7] - 255.0f / 256) < 1e-6f);
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::WidgetsTest)
#include "widgets_test.moc"
