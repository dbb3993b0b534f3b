// Side by side without a board: TwinPairer pairs host and board results for the same input
// (camera frames by input id, audio windows by sequence, never across requests), finds the
// first diverging layer, and the layer table highlights it.
#include "gui/twin_pairer.h"

#include <QTest>

#include "gui/layer_table.h"
#include "gui/model_description.h"

namespace tt::gui {
namespace {

InferenceResult result(bool on_board, int network, int input_id, uint32_t sequence, int serial = 1,
                       int layers = 5) {
  InferenceResult r;
  r.on_board = on_board;
  r.serial = serial;
  r.input_id = input_id;
  r.report.network = network;
  r.report.sequence = sequence;
  r.report.op_count = layers;
  r.report.class_count = 3;
  r.report.top = 1;
  for (int i = 0; i < layers; ++i) r.report.op_crc32[i] = 0x1000u * (i + 1) + sequence;
  r.report.scores[1] = 90;
  return r;
}

}  // namespace

class TwinPairerTest : public QObject {
  Q_OBJECT

 private slots:
  void frames_pair_by_input_id_in_any_order() {
    TwinPairer p;
    TwinPair pair;
    QVERIFY(!p.add(result(false, 0, 7, 1), &pair));
    QVERIFY(!p.add(result(false, 0, 8, 2), &pair));
    // The board classified frame 8 only (it skipped 7): sequences differ, the frame is one.
    QVERIFY(p.add(result(true, 0, 8, 2), &pair));
    QCOMPARE(pair.host.input_id, 8);
    QVERIFY(!pair.host.on_board);
    QVERIFY(pair.board.on_board);
    QVERIFY(pair.outputs_equal);
    QCOMPARE(pair.first_diverging, -1);
    QCOMPARE(p.waiting(), size_t{1});  // frame 7 still waits, harmlessly
  }

  void windows_pair_by_sequence_within_one_request() {
    TwinPairer p;
    TwinPair pair;
    QVERIFY(!p.add(result(true, 0, -1, 4, /*serial=*/1), &pair));
    QVERIFY(!p.add(result(false, 0, -1, 4, /*serial=*/2), &pair));  // another request
    QVERIFY(!p.add(result(false, 1, -1, 4, /*serial=*/1), &pair));  // another network
    QVERIFY(p.add(result(false, 0, -1, 4, /*serial=*/1), &pair));
    QCOMPARE(pair.board.report.sequence, 4u);
  }

  void the_first_diverging_layer_is_found() {
    TwinPairer p;
    TwinPair pair;
    InferenceResult board = result(true, 0, 3, 0);
    board.report.op_crc32[2] ^= 1;
    board.report.op_crc32[4] ^= 1;
    QVERIFY(!p.add(board, &pair));
    QVERIFY(p.add(result(false, 0, 3, 0), &pair));
    QCOMPARE(pair.first_diverging, 2);
    QVERIFY(!pair.outputs_equal);
    // Equal layers but different scores still differ; a missing layer diverges there.
    InferenceResult scores = result(true, 0, 4, 0);
    scores.report.scores[0] = 5;
    QVERIFY(!p.add(scores, &pair));
    QVERIFY(p.add(result(false, 0, 4, 0), &pair));
    QCOMPARE(pair.first_diverging, -1);
    QVERIFY(!pair.outputs_equal);
    QCOMPARE(first_diverging_layer(result(false, 0, 5, 0, 1, 5).report,
                                   result(true, 0, 5, 0, 1, 4).report),
             4);
  }

  void waiting_results_are_bounded() {
    TwinPairer p;
    TwinPair pair;
    for (int i = 0; i < 1000; ++i) p.add(result(false, 0, i, i), &pair);
    QCOMPARE(p.waiting(), TwinPairer::kMaxWaiting);
    QVERIFY(p.add(result(true, 0, 999, 999), &pair));  // the newest are kept
    QVERIFY(!p.add(result(true, 0, 0, 0), &pair));     // the oldest were dropped
    p.reset();
    QCOMPARE(p.waiting(), size_t{0});
  }

  void the_table_highlights_the_first_diverging_layer() {
    auto model = std::make_shared<ModelDescription>();
    for (int i = 0; i < 5; ++i) {
      tools::LayerInfo l;
      l.index = i;
      l.op = "CONV_2D";
      model->layers.push_back(l);
    }
    LayerTable table;
    table.set_backend(Backend::kBoth);
    table.set_model(model);
    QVERIFY(!table.isColumnHidden(LayerTable::kAgree));
    InferenceResult host = result(false, 0, 1, 0), board = result(true, 0, 1, 0);
    board.report.op_crc32[3] ^= 0x100;
    table.set_agreement(host.report, board.report);
    QCOMPARE(table.highlighted_row(), 3);
    QVERIFY(table.item(2, LayerTable::kAgree)->text().startsWith(QLatin1Char('=')));
    QVERIFY(table.item(3, LayerTable::kAgree)->text().startsWith(QStringLiteral("≠")));
    QVERIFY(table.item(3, LayerTable::kOp)->font().bold());
    QVERIFY(table.item(3, LayerTable::kOp)->background().color() != QColor());
    // All equal again: the highlight goes.
    table.set_agreement(host.report, host.report);
    QCOMPARE(table.highlighted_row(), -1);
    QVERIFY(!table.item(3, LayerTable::kOp)->font().bold());
    table.set_board_costs({10, 20, 30, 40, 0}, true);
    QCOMPARE(table.item(3, LayerTable::kBoard)->text(), QStringLiteral("40"));
    table.set_backend(Backend::kHost);
    QVERIFY(table.isColumnHidden(LayerTable::kAgree));
    QVERIFY(table.isColumnHidden(LayerTable::kBoard));
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::TwinPairerTest)
#include "twin_pairer_test.moc"
